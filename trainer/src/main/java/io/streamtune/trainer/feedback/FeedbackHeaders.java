package io.streamtune.trainer.feedback;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Headers a correction carries through the trainer's own repartition topics (by annotator for the rate limit, then
 * back by event id): where it was first read, its original key, its annotator once it passed the checks that need
 * no state, and the rate limit's refusal. They are removed again before a correction is dead-lettered, so a dead
 * letter names the label-corrections record it came from.
 */
final class FeedbackHeaders {

    static final String PREFIX = "streamtune.feedback.";
    static final String SOURCE_TOPIC = PREFIX + "source.topic";
    static final String SOURCE_PARTITION = PREFIX + "source.partition";
    static final String SOURCE_OFFSET = PREFIX + "source.offset";
    static final String KEY = PREFIX + "key";
    static final String ANNOTATOR = PREFIX + "annotator";
    static final String RATE_LIMITED = PREFIX + "rate.limited";

    private FeedbackHeaders() {}

    /** The record's own coordinates and key, added to a copy of its headers. */
    static Headers stamped(ProcessorContext<?, ?> context, Headers headers, byte[] key) {
        SourceCoordinates source = SourceCoordinates.current(context, headers);
        Headers stamped = new RecordHeaders(source.headers().toArray());
        put(stamped, SOURCE_TOPIC, source.topic());
        put(stamped, SOURCE_PARTITION, Integer.toString(source.partition()));
        put(stamped, SOURCE_OFFSET, Long.toString(source.offset()));
        if (key != null) {
            stamped.remove(KEY);
            stamped.add(KEY, key);
        }
        return stamped;
    }

    /**
     * Where the record was first read: the stamped coordinates when it came through a repartition topic, else the
     * record being processed; the returned headers are the original ones, without these.
     */
    static SourceCoordinates source(ProcessorContext<?, ?> context, Headers headers) {
        Optional<String> topic = text(headers, SOURCE_TOPIC);
        if (topic.isEmpty()) {
            return SourceCoordinates.current(context, headers);
        }
        return new SourceCoordinates(
                topic.get(),
                Integer.parseInt(text(headers, SOURCE_PARTITION).orElse("-1")),
                Long.parseLong(text(headers, SOURCE_OFFSET).orElse("-1")),
                withoutOwn(headers));
    }

    /** The original key: the stamped one when the record came through a repartition topic, else the record's. */
    static byte[] originalKey(Headers headers, byte[] recordKey) {
        if (text(headers, SOURCE_TOPIC).isEmpty()) {
            return recordKey;
        }
        Header key = headers.lastHeader(KEY);
        return key == null ? null : key.value();
    }

    static Optional<String> text(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Headers withoutOwn(Headers headers) {
        Headers original = new RecordHeaders();
        for (Header header : headers) {
            if (!header.key().startsWith(PREFIX)) {
                original.add(header);
            }
        }
        return original;
    }
}
