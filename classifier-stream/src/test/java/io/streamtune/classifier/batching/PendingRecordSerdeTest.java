package io.streamtune.classifier.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class PendingRecordSerdeTest {

    private final PendingRecordSerde serde = new PendingRecordSerde();

    @Test
    void shouldRoundTripEveryFieldIncludingNullsAndHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
        headers.add("empty", null);
        PendingRecord pending =
                new PendingRecord(null, new byte[] {0, 1, 2}, headers, "text-events", 3, 42L, 1_000L, 2_000L);

        PendingRecord read =
                serde.deserializer().deserialize("t", serde.serializer().serialize("t", pending));

        assertThat(read.key()).isNull();
        assertThat(read.value()).containsExactly(0, 1, 2);
        assertThat(read.headers().toArray()).hasSize(2);
        assertThat(read.headers().lastHeader("trace").value()).isEqualTo("t-1".getBytes(StandardCharsets.UTF_8));
        assertThat(read.headers().lastHeader("empty").value()).isNull();
        assertThat(read.topic()).isEqualTo("text-events");
        assertThat(read.partition()).isEqualTo(3);
        assertThat(read.offset()).isEqualTo(42L);
        assertThat(read.timestamp()).isEqualTo(1_000L);
        assertThat(read.arrivalMs()).isEqualTo(2_000L);
    }

    @Test
    void shouldRefuseAnUnknownFormat() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("format 9");
    }
}
