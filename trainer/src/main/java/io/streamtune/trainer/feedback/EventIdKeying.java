package io.streamtune.trainer.feedback;

import io.streamtune.schemas.LabelCorrection;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Keys every correction by the {@code eventId} in its value, before the repartition that brings it to the task
 * holding its event's classification. A correction's identity is its value, not its key: producers that send no key
 * (Confluent's Python client, most first tries) or partition keys with another hash (librdkafka's CRC32) still meet
 * the classification, which the classifier keys by event id. The original key goes along in {@link FeedbackHeaders},
 * so {@link CorrectionValidator} still refuses a key that disagrees with the value. Unreadable bytes keep their key
 * (or an empty one, as a repartition drops null keys) and are dead-lettered by {@link CorrectionProcessor}.
 */
final class EventIdKeying implements Processor<byte[], byte[], byte[], byte[]> {

    private static final byte[] NO_KEY = new byte[0];

    private final Deserializer<LabelCorrection> deserializer;
    private ProcessorContext<byte[], byte[]> context;

    EventIdKeying(Deserializer<LabelCorrection> deserializer) {
        this.deserializer = deserializer;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        boolean stamped = FeedbackHeaders.text(record.headers(), FeedbackHeaders.SOURCE_TOPIC)
                .isPresent();
        Headers headers = stamped ? record.headers() : FeedbackHeaders.stamped(context, record.headers(), record.key());
        byte[] original = FeedbackHeaders.originalKey(headers, record.key());
        byte[] key = eventId(headers, record.value());
        if (key == null) {
            key = original == null ? NO_KEY : original;
        }
        context.forward(new Record<>(key, record.value(), record.timestamp(), headers));
    }

    /** The event id of a readable correction, else null. */
    private byte[] eventId(Headers headers, byte[] value) {
        try {
            LabelCorrection correction = deserializer.deserialize(
                    FeedbackHeaders.text(headers, FeedbackHeaders.SOURCE_TOPIC).orElse(""), value);
            return correction == null ? null : correction.getEventId().getBytes(StandardCharsets.UTF_8);
        } catch (SerializationException e) {
            return null;
        }
    }
}
