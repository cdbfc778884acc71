package io.streamtune.trainer.feedback;

import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Where a record came from, for dead-letter headers.
 *
 * @param headers the original record's headers, passed on to the dead letter
 */
public record SourceCoordinates(String topic, int partition, long offset, Headers headers) {

    /** The coordinates of the record being processed; unknown ones (punctuation) read as topic "", -1. */
    public static SourceCoordinates current(ProcessorContext<?, ?> context, Headers headers) {
        Optional<RecordMetadata> metadata = context.recordMetadata();
        return new SourceCoordinates(
                metadata.map(RecordMetadata::topic).orElse(""),
                metadata.map(RecordMetadata::partition).orElse(-1),
                metadata.map(RecordMetadata::offset).orElse(-1L),
                headers == null ? new RecordHeaders() : headers);
    }
}
