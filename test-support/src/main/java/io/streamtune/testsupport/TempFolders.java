package io.streamtune.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes the fixture's temporary folders. */
final class TempFolders {

    private static final Logger LOG = LoggerFactory.getLogger(TempFolders.class);

    private TempFolders() {}

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(TempFolders::delete);
        } catch (IOException e) {
            LOG.debug("Cannot delete {}", dir, e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debug("Cannot delete {}", path, e);
        }
    }
}
