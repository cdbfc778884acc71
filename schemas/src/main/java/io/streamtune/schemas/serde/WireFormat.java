package io.streamtune.schemas.serde;

import io.streamtune.schemas.serde.WireFormatException.Reason;
import java.nio.ByteBuffer;

/**
 * The Confluent wire format: magic byte 0, the schema id as a 4-byte big-endian int, then the Avro binary body.
 */
public final class WireFormat {

    /** The first byte of every record. */
    public static final byte MAGIC_BYTE = 0;

    /** Magic byte plus schema id. */
    public static final int HEADER_LENGTH = 5;

    private WireFormat() {}

    /** The header for a record written with the schema of this id. */
    public static byte[] header(int schemaId) {
        return ByteBuffer.allocate(HEADER_LENGTH)
                .put(MAGIC_BYTE)
                .putInt(schemaId)
                .array();
    }

    /**
     * Reads the header.
     *
     * @return the schema id; the Avro body starts at {@link #HEADER_LENGTH}
     * @throws WireFormatException with {@link Reason#NO_MAGIC_BYTE} or {@link Reason#TRUNCATED_PAYLOAD}
     */
    public static int schemaId(byte[] payload) {
        if (payload.length == 0) {
            throw new WireFormatException(Reason.NO_MAGIC_BYTE, null, "payload is empty (0 bytes)");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new WireFormatException(
                    Reason.NO_MAGIC_BYTE,
                    null,
                    "first byte is " + payload[0] + ", expected magic byte " + MAGIC_BYTE
                            + "; not written by a Confluent wire format serializer");
        }
        if (payload.length < HEADER_LENGTH) {
            throw new WireFormatException(
                    Reason.TRUNCATED_PAYLOAD,
                    null,
                    "payload has " + payload.length + " bytes, shorter than the " + HEADER_LENGTH + "-byte header");
        }
        return ByteBuffer.wrap(payload, 1, 4).getInt();
    }
}
