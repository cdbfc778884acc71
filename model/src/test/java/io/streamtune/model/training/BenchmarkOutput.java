package io.streamtune.model.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Shared plumbing of the training benchmarks: {@code key=value} options and JSON output. */
final class BenchmarkOutput {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchmarkOutput() {}

    static ObjectNode newResult(String benchmark) {
        ObjectNode node = JSON.createObjectNode();
        node.put("benchmark", benchmark);
        node.put("cores", Runtime.getRuntime().availableProcessors());
        return node;
    }

    /** Arguments after the first (the output path) as {@code key=value} pairs. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("expected key=value, got '" + args[i] + "'");
            }
            options.put(pair[0], pair[1]);
        }
        return options;
    }

    static void write(ObjectNode result, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        JSON.writeValue(file.toFile(), result);
        System.out.println("wrote " + file.toAbsolutePath());
    }
}
