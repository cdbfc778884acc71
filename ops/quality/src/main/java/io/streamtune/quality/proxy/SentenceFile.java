package io.streamtune.quality.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the labelled sentences, one JSON object a line, in file order (the stream order of split=stream). */
public final class SentenceFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SentenceFile() {}

    /**
     * Every sentence of the file, in file order.
     *
     * @throws IllegalArgumentException naming the line that lacks a field
     */
    public static List<SourceSentence> read(Path file) throws IOException {
        List<SourceSentence> sentences = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    sentences.add(parse(JSON.readTree(line), file, number));
                }
            }
        }
        return sentences;
    }

    private static SourceSentence parse(JsonNode node, Path file, int line) {
        return new SourceSentence(
                field(node, "id", file, line),
                field(node, "text", file, line),
                field(node, "label", file, line),
                field(node, "domain", file, line),
                field(node, "split", file, line));
    }

    private static String field(JsonNode node, String name, Path file, int line) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(file + ":" + line + ": no text field '" + name + "'");
        }
        return value.asText();
    }
}
