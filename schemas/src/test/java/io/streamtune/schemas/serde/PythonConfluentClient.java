package io.streamtune.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamtune.testsupport.PythonProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code src/test/python/confluent_interop.py} with Debian's {@code /usr/bin/python3}, where Confluent's
 * Python client ({@code python3-confluent-kafka}) and {@code python3-avro} live, and parses its JSON lines.
 */
final class PythonConfluentClient {

    static final Path SCRIPT = Path.of("src/test/python/confluent_interop.py");
    private static final long TIMEOUT_SECONDS = 90;

    private final Path workDir;
    private final PythonProcess python;

    PythonConfluentClient(Path workDir) {
        this.workDir = workDir;
        this.python = new PythonProcess(workDir, TIMEOUT_SECONDS);
    }

    /** Why the Python client cannot run here, or null when it can. */
    String unavailableReason() {
        if (!Files.isExecutable(Path.of(PythonProcess.PYTHON))) {
            return PythonProcess.PYTHON + " is missing";
        }
        PythonProcess.Result result = python.run(List.of(SCRIPT.toAbsolutePath().toString(), "check"), null);
        return result.exitCode() == 0 ? null : "the Python client does not load: " + result.stderr();
    }

    /** Reads {@code count} records of the topic; one JSON document {key, schemaId, value} per record. */
    List<JsonNode> consume(String bootstrap, String registry, String topic, int count) {
        return script(List.of(
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
                "60"));
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
        List<JsonNode> lines = script(List.of(
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
                keyField));
        return lines.get(lines.size() - 1);
    }

    private List<JsonNode> script(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toAbsolutePath().toString()));
        command.addAll(arguments);
        return python.succeed(command, null);
    }
}
