package io.streamtune.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's {@code /usr/bin/python3}, where Confluent's Python client ({@code python3-confluent-kafka}) and
 * {@code python3-avro} live, and reads the JSON lines a script prints: the one way the interoperability tests talk
 * to Confluent's own client.
 */
public final class PythonProcess {

    public static final String PYTHON = "/usr/bin/python3";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path workDir;
    private final long timeoutSeconds;

    /**
     * @param workDir where the output of each run is kept
     * @param timeoutSeconds the longest a run may take
     */
    public PythonProcess(Path workDir, long timeoutSeconds) {
        this.workDir = workDir;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** What one run printed and returned. */
    public record Result(int exitCode, List<String> stdout, String stderr) {}

    /** Why Python cannot run these modules here, or null when it can. */
    public String unavailableReason(String... modules) {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " is missing";
        }
        Result result = run(List.of("-c", "import " + String.join(", ", modules)), null);
        return result.exitCode() == 0 ? null : "the Python client does not load: " + result.stderr();
    }

    /**
     * Runs {@code python3 arguments...}.
     *
     * @param stdin a file to read standard input from, or null
     */
    public Result run(List<String> arguments, Path stdin) {
        List<String> command = new ArrayList<>(List.of(PYTHON));
        command.addAll(arguments);
        Path stdout = workDir.resolve("python-" + System.nanoTime() + ".out");
        Path stderr = workDir.resolve("python-" + System.nanoTime() + ".err");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        try {
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("python did not finish in " + timeoutSeconds + " s: " + command);
            }
            return new Result(process.exitValue(), Files.readAllLines(stdout), Files.readString(stderr));
        } catch (IOException e) {
            return new Result(-1, List.of(), "cannot run " + PYTHON + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running python", e);
        }
    }

    /** Runs and returns the JSON document of each line printed; a non-zero exit fails with its standard error. */
    public List<JsonNode> succeed(List<String> arguments, Path stdin) {
        Result result = run(arguments, stdin);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(
                    "python failed with exit code " + result.exitCode() + ":\n" + result.stderr());
        }
        List<JsonNode> documents = new ArrayList<>();
        for (String line : result.stdout()) {
            try {
                documents.add(JSON.readTree(line));
            } catch (IOException e) {
                throw new IllegalStateException("python printed a line that is not JSON: " + line, e);
            }
        }
        return documents;
    }
}
