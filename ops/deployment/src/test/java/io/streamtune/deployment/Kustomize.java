package io.streamtune.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real kustomize, where this machine has it: the {@code kustomize} binary, else the one built into
 * {@code kubectl} ({@code kubectl kustomize}, which the project's machine image ships). Neither is in Debian's
 * archive, so a machine may have none; then {@link #command()} is empty.
 */
final class Kustomize {

    private Kustomize() {}

    /** The command line that builds a kustomization, if a kustomize exists on the PATH. */
    static Optional<List<String>> command() {
        if (onPath("kustomize")) {
            return Optional.of(List.of("kustomize", "build"));
        }
        if (onPath("kubectl")) {
            return Optional.of(List.of("kubectl", "kustomize"));
        }
        return Optional.empty();
    }

    /**
     * Builds the kustomization in {@code dir}.
     *
     * @throws AssertionError with kustomize's message when it refuses the kustomization
     */
    static String build(List<String> command, Path dir) throws IOException, InterruptedException {
        Path output = Files.createTempFile("kustomize", ".yaml");
        Path errors = Files.createTempFile("kustomize", ".err");
        try {
            List<String> line = new java.util.ArrayList<>(command);
            line.add(dir.toString());
            Process process = new ProcessBuilder(line)
                    .redirectOutput(output.toFile())
                    .redirectError(errors.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", line) + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(
                        String.join(" ", line) + " failed: " + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    static boolean onPath(String binary) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, binary))) {
                return true;
            }
        }
        return false;
    }
}
