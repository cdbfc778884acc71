package io.streamtune.trainer.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.schemas.FeedbackKind;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class LatestCorrectionTest {

    private final Serde<LatestCorrection> serde = LatestCorrection.serde();

    @Test
    void shouldKeepTheKindThroughItsBytes() {
        LatestCorrection audit = new LatestCorrection(5L, "pos", "alice", FeedbackKind.AUDIT);

        byte[] bytes = serde.serializer().serialize("store", audit);

        assertThat(serde.deserializer().deserialize("store", bytes)).isEqualTo(audit);
    }

    @Test
    void shouldReadTheBytesOfAnOlderTrainerAsACorrection() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(5L);
            out.writeUTF("pos");
            out.writeUTF("alice");
        }

        assertThat(serde.deserializer().deserialize("store", bytes.toByteArray()))
                .isEqualTo(new LatestCorrection(5L, "pos", "alice", FeedbackKind.CORRECTION));
    }

    @Test
    void shouldNotTakeTheSameLabelOfAnotherKindForARepeat() {
        LatestCorrection confirmation = new LatestCorrection(5L, "pos", "alice", FeedbackKind.CONFIRMATION);

        assertThat(confirmation.sameAs(5L, "pos", "alice", FeedbackKind.CONFIRMATION))
                .isTrue();
        assertThat(confirmation.sameAs(5L, "pos", "alice", FeedbackKind.AUDIT)).isFalse();
    }
}
