package io.streamtune.systemtests;

import io.streamtune.trainer.round.Example;
import io.streamtune.trainer.round.ExampleFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The project's sentiment data ({@code data/uci_sentiment.jsonl}): the {@code stream} split in stream order, and
 * the {@code test} split for sentences no version was trained on.
 *
 * @param stream the stream split
 * @param test the test split
 */
record SentimentData(List<Example> stream, List<Example> test) {

    static final Path FILE = Path.of("..", "data", "uci_sentiment.jsonl");

    static SentimentData read() throws IOException {
        return new SentimentData(ExampleFile.read(FILE, "stream"), ExampleFile.read(FILE, "test"));
    }
}
