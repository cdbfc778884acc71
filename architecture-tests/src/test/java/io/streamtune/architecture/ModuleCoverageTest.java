package io.streamtune.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.stack.RepositoryRoot;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules see every module: each class under a {@code src/main/java} of the checkout is on this
 * module's test classpath. A new module fails here until architecture-tests/pom.xml depends on it.
 */
class ModuleCoverageTest {

    private static final Path ROOT = RepositoryRoot.locate();
    private static final String MAIN_JAVA = "/src/main/java/";
    private static final Set<String> SKIPPED = Set.of("target", "node_modules", "data");

    @Test
    void shouldHaveEveryMainClassOfTheCheckoutOnTheClasspath() throws IOException {
        List<Path> sources = mainSources();
        ClassLoader loader = ModuleCoverageTest.class.getClassLoader();

        assertThat(sources).as("main sources found under %s", ROOT).hasSizeGreaterThan(100);
        assertThat(sources)
                .as("main classes missing from architecture-tests' classpath (add their module to its pom.xml)")
                .filteredOn(source -> loader.getResource(classResource(source)) == null)
                .isEmpty();
    }

    private static List<Path> mainSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName().toString();
                boolean skipped = !dir.equals(ROOT) && (name.startsWith(".") || SKIPPED.contains(name));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String path = ROOT.relativize(file).toString();
                if (path.contains(MAIN_JAVA) && path.endsWith(".java") && !path.endsWith("package-info.java")) {
                    sources.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return sources;
    }

    private static String classResource(Path source) {
        String relative = source.toString();
        String name = relative.substring(relative.indexOf(MAIN_JAVA) + MAIN_JAVA.length());
        return name.substring(0, name.length() - ".java".length()) + ".class";
    }
}
