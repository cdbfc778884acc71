package io.streamtune.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Frees the disk space of earlier runs (each version in a model store is about 90 MB): their {@code models/} and
 * {@code state/} folders are deleted; their summaries, charts and logs stay.
 */
final class EarlierRuns {

    private static final List<String> BULKY = List.of("models", "state");

    private EarlierRuns() {}

    /** Deletes the bulky folders of every run under {@code runs/} except the current one; returns how many runs. */
    static int prune(Path dataDir, String currentRunId) throws IOException {
        Path runs = dataDir.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        int pruned = 0;
        try (Stream<Path> children = Files.list(runs)) {
            for (Path run : children.filter(Files::isDirectory).toList()) {
                if (!run.getFileName().toString().equals(currentRunId) && deleteBulky(run)) {
                    pruned++;
                }
            }
        }
        return pruned;
    }

    private static boolean deleteBulky(Path run) throws IOException {
        boolean deleted = false;
        for (String name : BULKY) {
            Path folder = run.resolve(name);
            if (Files.isDirectory(folder)) {
                deleteTree(folder);
                deleted = true;
            }
        }
        return deleted;
    }

    static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
