package io.streamtune.schemas.serde;

import java.util.OptionalInt;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The bytes of a record are not a readable Confluent wire format record. Never retriable: the same bytes fail the
 * same way, so a consumer should dead-letter the record and move on. {@link #reason()} says what is wrong.
 */
public class WireFormatException extends SerializationException {

    /** What is wrong with the bytes. */
    public enum Reason {
        /** The payload is empty or its first byte is not the magic byte 0. */
        NO_MAGIC_BYTE,
        /** The registry does not know the schema id in the header. */
        UNKNOWN_SCHEMA_ID,
        /** The payload ends before the header or the Avro record is complete. */
        TRUNCATED_PAYLOAD,
        /** The writer's schema cannot be resolved against the reader's schema. */
        UNRESOLVABLE_SCHEMA,
        /** The Avro body is complete but not valid for the writer's schema (e.g. a bad union index or length). */
        MALFORMED_PAYLOAD
    }

    private final Reason reason;
    private final Integer schemaId;

    public WireFormatException(Reason reason, Integer schemaId, String detail, Throwable cause) {
        super(message(reason, schemaId, detail), cause);
        this.reason = reason;
        this.schemaId = schemaId;
    }

    public WireFormatException(Reason reason, Integer schemaId, String detail) {
        this(reason, schemaId, detail, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The schema id from the header, when the header could be read. */
    public OptionalInt schemaId() {
        return schemaId == null ? OptionalInt.empty() : OptionalInt.of(schemaId);
    }

    private static String message(Reason reason, Integer schemaId, String detail) {
        String id = schemaId == null ? "" : " (schema id " + schemaId + ")";
        return reason + id + ": " + detail;
    }
}
