package io.streamtune.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/python/confluent_interop.py} with Debian's {@code /usr/bin/python3}, where Confluent's
 * Python client ({@code python3-confluent-kafka}) and {@code python3-avro} live, and parses its JSON lines.
 */
final class PythonConfluentClient {

    static final String PYTHON = "/usr/bin/python3";
    static final Path SCRIPT = Path.of("src/test/python/confluent_interop.py");
    private static final long TIMEOUT_SECONDS = 90;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path workDir;

    PythonConfluentClient(Path workDir) {
        this.workDir = workDir;
    }

    /** Why the Python client cannot run here, or null when it can. */
    String unavailableReason() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " is missing";
        }
        Result result = run(List.of("check"));
        return result.exitCode() == 0 ? null : "the Python client does not load: " + result.stderr();
    }

    /** Reads {@code count} records of the topic; one JSON document {key, schemaId, value} per record. */
    List<JsonNode> consume(String bootstrap, String registry, String topic, int count) {
        return succeed(run(List.of(
                "consume",
                "--bootstrap",
                bootstrap,
                "--registry",
                registry,
                "--topic",
                topic,
                "--count",
                String.valueOf(count),
                "--timeout",
                "60")));
    }

    /** Writes the JSON-lines records with the schema file; returns {produced, schemaId}. */
    JsonNode produce(
            String bootstrap, String registry, String topic, Path schema, List<String> jsonRecords, String keyField) {
        Path records = workDir.resolve(topic + ".jsonl");
        try {
            Files.write(records, jsonRecords, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<JsonNode> lines = succeed(run(List.of(
                "produce",
                "--bootstrap",
                bootstrap,
                "--registry",
                registry,
                "--topic",
                topic,
                "--schema",
                schema.toAbsolutePath().toString(),
                "--records",
                records.toString(),
                "--key-field",
                keyField)));
        return lines.get(lines.size() - 1);
    }

    private Result run(List<String> arguments) {
        List<String> command =
                new ArrayList<>(List.of(PYTHON, SCRIPT.toAbsolutePath().toString()));
        command.addAll(arguments);
        Path stdout = workDir.resolve("python-" + System.nanoTime() + ".out");
        Path stderr = workDir.resolve("python-" + System.nanoTime() + ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("python did not finish in " + TIMEOUT_SECONDS + " s: " + command);
            }
            return new Result(process.exitValue(), Files.readAllLines(stdout), Files.readString(stderr));
        } catch (IOException e) {
            return new Result(-1, List.of(), "cannot run " + PYTHON + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running python", e);
        }
    }

    private static List<JsonNode> succeed(Result result) {
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

    private record Result(int exitCode, List<String> stdout, String stderr) {}
}
