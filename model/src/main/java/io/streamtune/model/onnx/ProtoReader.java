package io.streamtune.model.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A forward-only reader of the protobuf wire format over a byte buffer: tags, varints, fixed-width
 * numbers and length-delimited fields. It knows no schema; callers decide what each field number means.
 */
final class ProtoReader {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final ByteBuffer buffer;

    ProtoReader(ByteBuffer buffer) {
        this.buffer = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    boolean hasMore() {
        return buffer.hasRemaining();
    }

    /** Reads a field key: the field number in the high bits, the wire type in the low three. */
    int readTag() {
        long tag = readVarint();
        if (tag <= 0 || tag > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Malformed protobuf: bad field key " + tag);
        }
        return (int) tag;
    }

    static int fieldNumber(int tag) {
        return tag >>> 3;
    }

    static int wireType(int tag) {
        return tag & 7;
    }

    long readVarint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = buffer.get();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("Malformed protobuf: varint longer than 10 bytes");
    }

    float readFloat() {
        return buffer.getFloat();
    }

    /** Returns the payload of a length-delimited field as a little-endian view, without copying. */
    ByteBuffer readBytes() {
        long length = readVarint();
        if (length < 0 || length > buffer.remaining()) {
            throw new IllegalArgumentException("Malformed protobuf: length " + length + " exceeds the message");
        }
        ByteBuffer slice = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
        slice.limit((int) length);
        buffer.position(buffer.position() + (int) length);
        return slice;
    }

    String readString() {
        ByteBuffer bytes = readBytes();
        byte[] chars = new byte[bytes.remaining()];
        bytes.get(chars);
        return new String(chars, StandardCharsets.UTF_8);
    }

    ProtoReader readMessage() {
        return new ProtoReader(readBytes());
    }

    /** Skips the value of a field whose tag has just been read. */
    void skip(int tag) {
        switch (wireType(tag)) {
            case VARINT -> readVarint();
            case FIXED64 -> advance(8);
            case LENGTH_DELIMITED -> readBytes();
            case FIXED32 -> advance(4);
            default ->
                throw new IllegalArgumentException(
                        "Malformed protobuf: unsupported wire type " + wireType(tag) + " of field " + fieldNumber(tag));
        }
    }

    private void advance(int bytes) {
        buffer.position(buffer.position() + bytes);
    }
}
