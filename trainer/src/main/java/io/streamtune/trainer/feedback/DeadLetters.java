package io.streamtune.trainer.feedback;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Builds dead-letter records: the original key and value bytes with the reason in headers. Header names are those
 * of Kafka Streams' built-in dead-letter queue (KIP-1034), so the same tooling reads both, plus
 * {@value #REASON} with a short code.
 */
public final class DeadLetters {

    public static final String SOURCE_TOPIC = "__streams.errors.topic";
    public static final String SOURCE_PARTITION = "__streams.errors.partition";
    public static final String SOURCE_OFFSET = "__streams.errors.offset";
    public static final String EXCEPTION_CLASS = "__streams.errors.exception";
    public static final String EXCEPTION_MESSAGE = "__streams.errors.message";
    public static final String REASON = "streamtune.dlq.reason";

    private DeadLetters() {}

    /**
     * A dead-letter record for the given source coordinates.
     *
     * @param reason a short code, e.g. {@code MALFORMED} or a {@link RejectedCorrectionException.Reason}
     */
    public static Record<Object, Object> record(
            SourceCoordinates source, byte[] key, byte[] value, long timestamp, String reason, Exception error) {
        Headers headers = new RecordHeaders(source.headers().toArray());
        put(headers, SOURCE_TOPIC, source.topic());
        put(headers, SOURCE_PARTITION, Integer.toString(source.partition()));
        put(headers, SOURCE_OFFSET, Long.toString(source.offset()));
        put(headers, EXCEPTION_CLASS, error.getClass().getName());
        put(headers, EXCEPTION_MESSAGE, String.valueOf(error.getMessage()));
        put(headers, REASON, reason);
        return new Record<>(key, value, timestamp, headers);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
