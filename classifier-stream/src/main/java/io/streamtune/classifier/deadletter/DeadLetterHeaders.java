package io.streamtune.classifier.deadletter;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers a dead letter carries besides the original record's own headers. The names and encoding (UTF-8
 * strings, numbers in decimal) are those of Kafka Streams' built-in dead-letter queue (KIP-1034), so the same
 * tooling reads both, plus {@value #REASON} with a {@link DeadLetterReason}.
 */
public final class DeadLetterHeaders {

    public static final String REASON = "streamtune.dlq.reason";
    public static final String SOURCE_TOPIC = "__streams.errors.topic";
    public static final String SOURCE_PARTITION = "__streams.errors.partition";
    public static final String SOURCE_OFFSET = "__streams.errors.offset";
    public static final String EXCEPTION_CLASS = "__streams.errors.exception";
    public static final String EXCEPTION_MESSAGE = "__streams.errors.message";

    private DeadLetterHeaders() {}

    /** The last value of the header as a string, or {@code null} when absent. */
    public static String read(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static void write(Headers headers, String name, Object value) {
        headers.remove(name);
        headers.add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }
}
