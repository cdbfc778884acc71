package io.streamtune.systemtests.badinput;

import io.streamtune.schemas.serde.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/** Hand-made and mutated Confluent wire-format payloads. */
final class AvroBytes {

    private AvroBytes() {}

    /**
     * A TextEvent body written field by field, so the text can be any byte string (Avro writes a string as its
     * length and its bytes, and does not check them).
     */
    static byte[] textEventWithRawText(int schemaId, String id, byte[] text, long eventTime) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(WireFormat.header(schemaId));
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            encoder.writeString(id);
            encoder.writeBytes(text);
            encoder.writeString("badinput");
            encoder.writeLong(eventTime);
            encoder.writeMapStart();
            encoder.setItemCount(0);
            encoder.writeMapEnd();
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A TextEvent body whose attributes map announces {@code count} entries and has none: Avro refuses a count over
     * what a Java array can hold with an {@link UnsupportedOperationException}, not an Avro exception.
     */
    static byte[] textEventWithMapCount(int schemaId, String id, long count, long eventTime) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(WireFormat.header(schemaId));
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            encoder.writeString(id);
            encoder.writeString("a good text");
            encoder.writeString("badinput");
            encoder.writeLong(eventTime);
            encoder.writeLong(count);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A header and then only the length of the record's first field (a string) as {@code length}: Avro refuses a
     * length over what a Java array can hold with an {@link UnsupportedOperationException}.
     */
    static byte[] firstStringWithLength(int schemaId, long length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(WireFormat.header(schemaId));
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            encoder.writeLong(length);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The same payload with another schema id in its header. */
    static byte[] withSchemaId(byte[] payload, int schemaId) {
        byte[] copy = payload.clone();
        System.arraycopy(WireFormat.header(schemaId), 0, copy, 0, WireFormat.HEADER_LENGTH);
        return copy;
    }

    /** The same payload with the first byte (the magic byte) replaced. */
    static byte[] withMagicByte(byte[] payload, byte magic) {
        byte[] copy = payload.clone();
        copy[0] = magic;
        return copy;
    }

    static byte[] truncated(byte[] payload, int removed) {
        return Arrays.copyOf(payload, payload.length - removed);
    }

    /** A valid header followed by {@code length} random bytes. */
    static byte[] randomBody(int schemaId, int length, Random random) {
        byte[] body = new byte[length];
        random.nextBytes(body);
        byte[] payload = Arrays.copyOf(WireFormat.header(schemaId), WireFormat.HEADER_LENGTH + length);
        System.arraycopy(body, 0, payload, WireFormat.HEADER_LENGTH, length);
        return payload;
    }

    /**
     * A valid payload with 1 to 4 random changes after the header: a byte replaced, a bit flipped, a byte inserted or
     * a byte removed. Some still decode (as garbage), some do not.
     */
    static byte[] mutated(byte[] payload, Random random) {
        byte[] current = payload.clone();
        int changes = 1 + random.nextInt(4);
        for (int i = 0; i < changes && current.length > WireFormat.HEADER_LENGTH; i++) {
            int at = WireFormat.HEADER_LENGTH + random.nextInt(current.length - WireFormat.HEADER_LENGTH);
            switch (random.nextInt(4)) {
                case 0 -> current[at] = (byte) random.nextInt(256);
                case 1 -> current[at] ^= (byte) (1 << random.nextInt(8));
                case 2 -> current = insert(current, at, (byte) random.nextInt(256));
                default -> current = remove(current, at);
            }
        }
        return current;
    }

    private static byte[] insert(byte[] bytes, int at, byte value) {
        byte[] longer = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, longer, 0, at);
        longer[at] = value;
        System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
        return longer;
    }

    private static byte[] remove(byte[] bytes, int at) {
        byte[] shorter = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, shorter, 0, at);
        System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
        return shorter;
    }
}
