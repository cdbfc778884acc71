package io.streamtune.trainer.feedback;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * An id-only correction waiting for its classification, kept with its original bytes and coordinates so that a
 * timeout dead-letters exactly what arrived.
 *
 * @param key the original key bytes (may be null)
 * @param value the original value bytes
 * @param correctedTime the correction's time, to let a newer correction of the same event replace it
 * @param arrivedMs wall-clock time it started waiting
 */
record PendingCorrection(
        byte[] key, byte[] value, String topic, int partition, long offset, long correctedTime, long arrivedMs) {

    /** A compact binary serde for the change-logged store; internal state needs no schema registry. */
    static Serde<PendingCorrection> serde() {
        return Serdes.serdeFrom((topic, pending) -> encode(pending), (topic, bytes) -> decode(bytes));
    }

    private static byte[] encode(PendingCorrection pending) {
        if (pending == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            writeBytes(out, pending.key);
            writeBytes(out, pending.value);
            out.writeUTF(pending.topic);
            out.writeInt(pending.partition);
            out.writeLong(pending.offset);
            out.writeLong(pending.correctedTime);
            out.writeLong(pending.arrivedMs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static PendingCorrection decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readByte();
            if (format != 1) {
                throw new IllegalStateException("unknown pending correction format " + format);
            }
            return new PendingCorrection(
                    readBytes(in),
                    readBytes(in),
                    in.readUTF(),
                    in.readInt(),
                    in.readLong(),
                    in.readLong(),
                    in.readLong());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] data) throws IOException {
        out.writeInt(data == null ? -1 : data.length);
        if (data != null) {
            out.write(data);
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : in.readNBytes(length);
    }
}
