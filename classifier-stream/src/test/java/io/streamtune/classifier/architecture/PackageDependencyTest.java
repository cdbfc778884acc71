package io.streamtune.classifier.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of the module, checked on its sources: only {@code engine} knows the model module (and so DJL), the
 * topology knows no engine, and every package says what it is for in a {@code package-info.java}.
 */
class PackageDependencyTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "io", "streamtune", "classifier");

    @Test
    void shouldKeepTheModelModuleAndDjlInsideTheEnginePackage() {
        List<Path> offenders = sources()
                .filter(file -> !file.startsWith(SOURCES.resolve("engine")))
                .filter(file -> imports(file, "io.streamtune.model.") || imports(file, "ai.djl."))
                .toList();

        assertThat(offenders).isEmpty();
    }

    @Test
    void shouldKeepTopologyAndBatchingFreeOfReloadAndHttp() {
        List<Path> offenders = sources()
                .filter(file ->
                        file.startsWith(SOURCES.resolve("topology")) || file.startsWith(SOURCES.resolve("batching")))
                .filter(file -> imports(file, "io.streamtune.classifier.reload.")
                        || imports(file, "io.streamtune.classifier.http."))
                .toList();

        assertThat(offenders).isEmpty();
    }

    @Test
    void shouldDocumentEveryPackage() throws IOException {
        try (Stream<Path> packages = Files.walk(SOURCES)) {
            List<Path> undocumented = packages.filter(Files::isDirectory)
                    .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                    .toList();

            assertThat(undocumented).isEmpty();
        }
    }

    @Test
    void shouldKeepClassesSmall() {
        List<Path> large = sources().filter(file -> lines(file) > 400).toList();

        assertThat(large).isEmpty();
    }

    private static Stream<Path> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean imports(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().anyMatch(line -> line.startsWith("import " + prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try {
            return Files.readAllLines(file).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
