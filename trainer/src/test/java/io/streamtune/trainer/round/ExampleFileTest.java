package io.streamtune.trainer.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleFileTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadTheRequestedSplitOfTheSentimentData() throws IOException {
        assertThat(ExampleFile.read(Path.of("../data/uci_sentiment.jsonl"), "stream"))
                .hasSize(2400)
                .allMatch(example ->
                        example.label().equals("neg") || example.label().equals("pos"));
        assertThat(ExampleFile.read(Path.of("../data/uci_sentiment.jsonl"), null))
                .hasSize(3000);
    }

    @Test
    void shouldNameTheLineThatLacksAField() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(
                file, "{\"id\": \"a\", \"text\": \"t\", \"label\": \"pos\"}\n\n{\"id\": \"b\", \"text\": \"t\"}\n");

        assertThatThrownBy(() -> ExampleFile.read(file, null))
                .hasMessageContaining("bad.jsonl:3")
                .hasMessageContaining("label");
    }
}
