package io.streamtune.classifier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The texts of the repository's sentiment data ({@code data/uci_sentiment.jsonl}), in file order. */
final class SentimentTexts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SentimentTexts() {}

    static List<String> read() throws IOException {
        Path file = locate();
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                JsonNode record = JSON.readTree(line);
                texts.add(record.get("text").asText());
            }
        }
        return texts;
    }

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data").resolve("uci_sentiment.jsonl");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "data/uci_sentiment.jsonl not found above " + Path.of("").toAbsolutePath());
    }
}
