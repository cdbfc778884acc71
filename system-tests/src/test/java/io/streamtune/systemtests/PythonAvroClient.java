package io.streamtune.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the README's Python client, {@code ops/python/streamtune_avro.py} (Confluent's {@code SerializingProducer} and
 * {@code DeserializingConsumer} with string keys or none, values through {@code confluent_kafka.avro}'s
 * {@code MessageSerializer}), with Debian's {@code /usr/bin/python3}, where {@code python3-confluent-kafka} lives.
 */
final class PythonAvroClient {

    static final String PYTHON = "/usr/bin/python3";
    static final Path SCRIPT = Path.of("../ops/python/streamtune_avro.py");
    static final String INSTALL_HINT = "apt-get install python3-confluent-kafka python3-avro python3-requests";
    private static final long TIMEOUT_SECONDS = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path workDir;
    private final String bootstrap;
    private final String registry;

    PythonAvroClient(Path workDir, String bootstrap, String registry) {
        this.workDir = workDir;
        this.bootstrap = bootstrap;
        this.registry = registry;
    }

    /** Why the client cannot run here (the packages it imports are missing), or null when it can. */
    String unavailableReason() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " is missing";
        }
        Result result = run(List.of("-c", "import confluent_kafka.avro, avro, requests"), null);
        return result.exitCode() == 0 ? null : "Confluent's Python client does not load: " + result.stderr();
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
        List<JsonNode> printed = succeed(run(arguments, input));
        return printed.get(printed.size() - 1).get("produced").asInt();
    }

    /** {@code consume}: the first {@code count} records of the topic, each {key, value}. */
    List<JsonNode> consume(String topic, int count) {
        return succeed(run(
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
                null));
    }

    private Result run(List<String> arguments, Path stdin) {
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
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("python did not finish in " + TIMEOUT_SECONDS + " s: " + command);
            }
            return new Result(
                    process.exitValue(),
                    Files.readAllLines(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
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
