package io.streamtune.classifier.batching;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The store and changelog format of a {@link PendingRecord}: a format byte (1), then the fields in declaration
 * order; byte arrays as a length (-1 for null) and the bytes, strings as modified UTF-8. Private to this app, so a
 * compact hand-written format rather than a registered schema.
 */
public final class PendingRecordSerde implements Serde<PendingRecord> {

    private static final byte FORMAT = 1;

    @Override
    public Serializer<PendingRecord> serializer() {
        return (topic, pending) -> pending == null ? null : write(pending);
    }

    @Override
    public Deserializer<PendingRecord> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(PendingRecord pending) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + length(pending.value()));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            writeBytes(out, pending.key());
            writeBytes(out, pending.value());
            Header[] headers = pending.headers().toArray();
            out.writeInt(headers.length);
            for (Header header : headers) {
                out.writeUTF(header.key());
                writeBytes(out, header.value());
            }
            out.writeUTF(pending.topic());
            out.writeInt(pending.partition());
            out.writeLong(pending.offset());
            out.writeLong(pending.timestamp());
            out.writeLong(pending.arrivalMs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static PendingRecord read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new SerializationException("unknown pending record format " + format);
            }
            byte[] key = readBytes(in);
            byte[] value = readBytes(in);
            Headers headers = new RecordHeaders();
            int headerCount = in.readInt();
            for (int i = 0; i < headerCount; i++) {
                headers.add(in.readUTF(), readBytes(in));
            }
            return new PendingRecord(
                    key, value, headers, in.readUTF(), in.readInt(), in.readLong(), in.readLong(), in.readLong());
        } catch (IOException e) {
            throw new SerializationException("corrupt pending record", e);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value == null ? -1 : value.length);
        if (value != null) {
            out.write(value);
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] value = new byte[length];
        in.readFully(value);
        return value;
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }
}
