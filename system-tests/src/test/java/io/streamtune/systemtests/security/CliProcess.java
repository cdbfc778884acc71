package io.streamtune.systemtests.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code streamtune} command line ({@code io.streamtune.cli.Main}) in its own JVM on the test's classpath,
 * as a user runs it, and collects its exit code and output.
 */
final class CliProcess {

    private static final String MAIN = "io.streamtune.cli.Main";

    private final Path folder;

    CliProcess(Path folder) {
        this.folder = folder;
    }

    /** The outcome of one run: exit code, standard output lines, standard error text. */
    record Result(int exitCode, List<String> out, String err) {}

    Result run(String name, Duration timeout, String... args) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path out = folder.resolve(name + ".out");
        Path err = folder.resolve(name + ".err");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                MAIN));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("streamtune " + String.join(" ", args) + " did not finish in " + timeout
                    + "; stderr: " + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Result(
                process.exitValue(),
                Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
