package io.streamtune.cli.tail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamtune.schemas.Classification;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassificationFormatTest {

    static Classification classification(String id, String label, String text) {
        return Classification.newBuilder()
                .setEventId(id)
                .setText(text)
                .setLabel(label)
                .setConfidence(0.91234)
                .setScores(Map.of("pos", 0.91234, "neg", 0.08766))
                .setModelName("sentiment")
                .setModelVersion(3)
                .setTruncated(false)
                .setEventTime(Instant.ofEpochMilli(10_000))
                .setClassifiedTime(Instant.ofEpochMilli(10_042))
                .setInferenceMillis(5)
                .setQueueMillis(7)
                .setBatchSize(4)
                .build();
    }

    @Test
    void shouldShowIdLabelConfidenceVersionLatencyAndShortenedText() {
        String line = ClassificationFormat.line(classification("e-1", "pos", "a very\nlong text ".repeat(20)));

        assertThat(line)
                .startsWith("e-1 ")
                .contains(" pos ")
                .contains(" 0.912 ")
                .contains(" v3 ")
                .contains("42 ms")
                .contains("a very long text a very")
                .endsWith("…")
                .doesNotContain("\n");
        assertThat(ClassificationFormat.header()).startsWith("EVENT ID").contains("LATENCY");
    }

    @Test
    void shouldWriteOneJsonObjectWithEveryField() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ClassificationFormat.json(classification("e-2", "neg", "bad")));

        assertThat(json.get("eventId").asText()).isEqualTo("e-2");
        assertThat(json.get("label").asText()).isEqualTo("neg");
        assertThat(json.get("modelVersion").asLong()).isEqualTo(3);
        assertThat(json.get("latencyMillis").asLong()).isEqualTo(42);
        assertThat(json.get("scores").get("pos").asDouble()).isEqualTo(0.91234);
        assertThat(json.get("text").asText()).isEqualTo("bad");
    }
}
