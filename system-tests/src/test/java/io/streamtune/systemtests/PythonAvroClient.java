package io.streamtune.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamtune.testsupport.PythonProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the README's Python client, {@code ops/python/streamtune_avro.py} (Confluent's {@code SerializingProducer} and
 * {@code DeserializingConsumer} with string keys or none, values through {@code confluent_kafka.avro}'s
 * {@code MessageSerializer}), with Debian's {@code /usr/bin/python3}, where {@code python3-confluent-kafka} lives.
 */
final class PythonAvroClient {

    static final String PYTHON = PythonProcess.PYTHON;
    static final Path SCRIPT = Path.of("../ops/python/streamtune_avro.py");
    static final String INSTALL_HINT = "apt-get install python3-confluent-kafka python3-avro python3-requests";
    private static final long TIMEOUT_SECONDS = 120;

    private final Path workDir;
    private final PythonProcess python;
    private final String bootstrap;
    private final String registry;

    PythonAvroClient(Path workDir, String bootstrap, String registry) {
        this.workDir = workDir;
        this.python = new PythonProcess(workDir, TIMEOUT_SECONDS);
        this.bootstrap = bootstrap;
        this.registry = registry;
    }

    /** Why the client cannot run here (the packages it imports are missing), or null when it can. */
    String unavailableReason() {
        return python.unavailableReason("confluent_kafka.avro", "avro", "requests");
    }

    /** {@code produce}: one JSON object per line; keyed by {@code keyField}, or unkeyed when it is null. */
    int produce(String topic, Path schema, List<String> jsonRecords, String keyField) throws IOException {
        Path input = Files.write(workDir.resolve(topic + "-" + System.nanoTime() + ".jsonl"), jsonRecords);
        List<String> arguments = new ArrayList<>(List.of(
                SCRIPT.toAbsolutePath().toString(),
                "produce",
                "--bootstrap",
                bootstrap,
                "--registry",
                registry,
                "--topic",
                topic,
                "--schema",
                schema.toAbsolutePath().toString()));
        if (keyField != null) {
            arguments.addAll(List.of("--key-field", keyField));
        }
        List<JsonNode> printed = python.succeed(arguments, input);
        return printed.get(printed.size() - 1).get("produced").asInt();
    }

    /** {@code consume}: the first {@code count} records of the topic, each {key, value}. */
    List<JsonNode> consume(String topic, int count) {
        return python.succeed(
                List.of(
                        SCRIPT.toAbsolutePath().toString(),
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
                        "60"),
                null);
    }
}
