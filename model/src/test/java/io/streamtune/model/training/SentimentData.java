package io.streamtune.model.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The repository's UCI sentiment sentences ({@code data/uci_sentiment.jsonl}), by split. */
public final class SentimentData {

    /** The file, relative to the repository root. */
    public static final String FILE = "data/uci_sentiment.jsonl";

    private SentimentData() {}

    /**
     * The records of one split, in file order.
     *
     * @param split {@code stream} or {@code test}
     * @return the labelled texts
     */
    public static List<LabeledText> split(String split) {
        ObjectMapper mapper = new ObjectMapper();
        List<LabeledText> result = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(locate(), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = mapper.readTree(line);
                if (split.equals(node.path("split").asText())) {
                    result.add(new LabeledText(
                            node.path("text").asText(), node.path("label").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /**
     * The texts of one split, in file order.
     *
     * @param split {@code stream} or {@code test}
     * @return the texts
     */
    public static List<String> texts(String split) {
        return split(split).stream().map(LabeledText::text).toList();
    }

    private static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(FILE + " not found above " + Path.of("").toAbsolutePath());
    }
}
