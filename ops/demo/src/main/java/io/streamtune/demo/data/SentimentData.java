package io.streamtune.demo.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads {@code data/uci_sentiment.jsonl}: one {@code {"id","text","label","domain","split","order"}} object a line.
 * A line that is not such an object fails with the file and line number.
 */
public final class SentimentData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SentimentData() {}

    /** Every example of the file, sorted by split and then by {@code order}. */
    public static List<LabelledText> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("data file " + file + " does not exist");
        }
        List<LabelledText> examples = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    examples.add(parse(line, file, number));
                }
            }
        }
        examples.sort(Comparator.comparing(LabelledText::split).thenComparingInt(LabelledText::order));
        return examples;
    }

    static LabelledText parse(String line, Path file, int number) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ":" + number + ": not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode order = node.get("order");
        if (order == null || !order.canConvertToInt()) {
            throw new IllegalArgumentException(file + ":" + number + ": no integer field 'order'");
        }
        return new LabelledText(
                text(node, "id", file, number),
                text(node, "text", file, number),
                text(node, "label", file, number),
                text(node, "domain", file, number),
                text(node, "split", file, number),
                order.asInt());
    }

    private static String text(JsonNode node, String name, Path file, int number) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(file + ":" + number + ": no text field '" + name + "'");
        }
        return value.asText();
    }
}
