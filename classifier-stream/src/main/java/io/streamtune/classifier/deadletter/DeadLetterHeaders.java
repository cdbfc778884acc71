package io.streamtune.classifier.deadletter;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers a dead letter carries besides the original record's own headers. Every value is a UTF-8 string
 * (numbers in decimal), so any consumer or console tool can read them.
 */
public final class DeadLetterHeaders {

    public static final String REASON = "streamtune.dlq.reason";
    public static final String SOURCE_TOPIC = "streamtune.dlq.source.topic";
    public static final String SOURCE_PARTITION = "streamtune.dlq.source.partition";
    public static final String SOURCE_OFFSET = "streamtune.dlq.source.offset";
    public static final String EXCEPTION_CLASS = "streamtune.dlq.exception.class";
    public static final String EXCEPTION_MESSAGE = "streamtune.dlq.exception.message";

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
