package io.streamtune.trainer.feedback;

import io.streamtune.schemas.FeedbackKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * What the training set holds for an event, enough to tell a newer correction from a stale or repeated one.
 *
 * <p>Its bytes are the time, label and annotator, then the kind's name; bytes written before the kind existed end
 * after the annotator and read as {@link FeedbackKind#CORRECTION}, so a store (and its changelog) of an older trainer
 * still reads.
 */
record LatestCorrection(long correctedTime, String label, String annotator, FeedbackKind kind) {

    /** Whether a correction is older than this one (so it must not overwrite it). */
    boolean isNewerThan(long otherCorrectedTime) {
        return correctedTime > otherCorrectedTime;
    }

    /** Whether a correction says exactly what this one says. */
    boolean sameAs(long otherCorrectedTime, String otherLabel, String otherAnnotator, FeedbackKind otherKind) {
        return correctedTime == otherCorrectedTime
                && label.equals(otherLabel)
                && annotator.equals(otherAnnotator)
                && kind == otherKind;
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
            out.writeUTF(latest.kind.name());
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
            long correctedTime = in.readLong();
            String label = in.readUTF();
            String annotator = in.readUTF();
            FeedbackKind kind = in.available() > 0 ? FeedbackKind.valueOf(in.readUTF()) : FeedbackKind.CORRECTION;
            return new LatestCorrection(correctedTime, label, annotator, kind);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
