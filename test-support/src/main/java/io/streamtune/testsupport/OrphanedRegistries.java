package io.streamtune.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans up after test JVMs that died without running their shutdown hooks (killed on a timeout, for
 * instance): their registry processes would otherwise keep running. Only folders this fixture creates
 * ({@value #PREFIX}* under the temporary directory) are looked at, and a registry whose parent is still
 * a Java process (a test JVM that is alive) is left alone.
 */
final class OrphanedRegistries {

    static final String PREFIX = "streamtune-registry-";

    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(OrphanedRegistries.class);

    private OrphanedRegistries() {}

    static void reap(Path tempDir) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tempDir, PREFIX + "*")) {
            for (Path dir : dirs) {
                reapOne(dir);
            }
        } catch (IOException e) {
            LOG.debug("Cannot look for orphaned registries in {}", tempDir, e);
        }
    }

    private static void reapOne(Path dir) {
        Optional<Long> pid = pid(dir.resolve("run/registry.pid"));
        if (pid.isEmpty() && !isOld(dir)) {
            return; // another test JVM may be launching its registry in there right now
        }
        Optional<ProcessHandle> process =
                pid.filter(value -> value != ProcessHandle.current().pid()).flatMap(ProcessHandle::of);
        if (process.isPresent() && process.get().isAlive()) {
            if (!isOrphan(process.get())) {
                return;
            }
            LOG.info(
                    "Stopping orphaned test schema registry (pid {}) of {}",
                    process.get().pid(),
                    dir);
            process.get().destroy();
            process.get()
                    .onExit()
                    .orTimeout(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionally(error -> {
                        process.get().destroyForcibly();
                        return null;
                    })
                    .join();
        }
        TempFolders.deleteRecursively(dir);
    }

    /** Orphaned: no parent any more, or one that is known not to be a Java process. Unknown means keep. */
    private static boolean isOrphan(ProcessHandle process) {
        Optional<ProcessHandle> parent = process.parent();
        if (parent.isEmpty()) {
            return true;
        }
        return parent.get()
                .info()
                .command()
                .map(command -> !command.endsWith("/java"))
                .orElse(false);
    }

    private static boolean isOld(Path dir) {
        try {
            return Files.getLastModifiedTime(dir)
                    .toInstant()
                    .isBefore(Instant.now().minus(ABANDONED_AFTER));
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Long> pid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(
                    Files.readString(pidFile, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
