package io.streamtune.trainer.round;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads labelled examples from a JSON Lines file, one {@code {"id", "text", "label", "split"}} object a line (the
 * format of {@code data/uci_sentiment.jsonl}).
 */
public final class ExampleFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExampleFile() {}

    /**
     * The examples of one split.
     *
     * @param split the {@code split} value to keep, or null for every line
     * @throws IllegalArgumentException naming the line that lacks a field
     */
    public static List<Example> read(Path file, String split) throws IOException {
        List<Example> examples = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                if (split == null || split.equals(node.path("split").asText(null))) {
                    examples.add(new Example(
                            field(node, "id", file, number),
                            field(node, "text", file, number),
                            field(node, "label", file, number)));
                }
            }
        }
        return examples;
    }

    private static String field(JsonNode node, String name, Path file, int line) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(file + ":" + line + ": no text field '" + name + "'");
        }
        return value.asText();
    }
}
