package io.streamtune.model.bert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The texts and labels of {@code data/uci_sentiment.jsonl}, for tests and benchmarks. */
public record SentimentSentences(List<String> texts, List<String> labels, List<String> splits) {

    private static final Path FILE = Path.of("..", "data", "uci_sentiment.jsonl");

    public static SentimentSentences load() {
        Path file = Files.exists(FILE) ? FILE : Path.of("data", "uci_sentiment.jsonl");
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> splits = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode record = json.readTree(line);
                texts.add(record.get("text").asText());
                labels.add(record.get("label").asText());
                splits.add(record.get("split").asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
        }
        return new SentimentSentences(texts, labels, splits);
    }
}
