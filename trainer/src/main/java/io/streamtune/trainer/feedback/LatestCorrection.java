package io.streamtune.trainer.feedback;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** What the training set holds for an event, enough to tell a newer correction from a stale or repeated one. */
record LatestCorrection(long correctedTime, String label, String annotator) {

    /** Whether a correction is older than this one (so it must not overwrite it). */
    boolean isNewerThan(long otherCorrectedTime) {
        return correctedTime > otherCorrectedTime;
    }

    /** Whether a correction says exactly what this one says. */
    boolean sameAs(long otherCorrectedTime, String otherLabel, String otherAnnotator) {
        return correctedTime == otherCorrectedTime && label.equals(otherLabel) && annotator.equals(otherAnnotator);
    }

    static Serde<LatestCorrection> serde() {
        return Serdes.serdeFrom((topic, latest) -> encode(latest), (topic, bytes) -> decode(bytes));
    }

    private static byte[] encode(LatestCorrection latest) {
        if (latest == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(latest.correctedTime);
            out.writeUTF(latest.label);
            out.writeUTF(latest.annotator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static LatestCorrection decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return new LatestCorrection(in.readLong(), in.readUTF(), in.readUTF());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
