package io.streamtune.classifier.deadletter;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Why and where from a record is dead-lettered.
 *
 * @param reason the kind of failure
 * @param sourceTopic the topic the record was read from
 * @param sourcePartition its partition
 * @param sourceOffset its offset
 * @param exceptionClass the class of the exception, or a short name of the check that failed
 * @param message what is wrong, for a person
 */
public record DeadLetter(
        DeadLetterReason reason,
        String sourceTopic,
        int sourcePartition,
        long sourceOffset,
        String exceptionClass,
        String message) {

    /** A dead letter for a failure that an exception describes. */
    public static DeadLetter of(
            DeadLetterReason reason, String topic, int partition, long offset, Throwable exception) {
        return new DeadLetter(
                reason,
                topic,
                partition,
                offset,
                exception.getClass().getName(),
                String.valueOf(exception.getMessage()));
    }

    /**
     * The record to send to the dead-letter topic: the original key, value bytes, timestamp and headers, plus the
     * {@link DeadLetterHeaders}.
     */
    public Record<byte[], byte[]> toRecord(byte[] key, byte[] value, long timestamp, Headers originalHeaders) {
        Headers headers = new RecordHeaders(originalHeaders.toArray());
        DeadLetterHeaders.write(headers, DeadLetterHeaders.REASON, reason);
        DeadLetterHeaders.write(headers, DeadLetterHeaders.SOURCE_TOPIC, sourceTopic);
        DeadLetterHeaders.write(headers, DeadLetterHeaders.SOURCE_PARTITION, sourcePartition);
        DeadLetterHeaders.write(headers, DeadLetterHeaders.SOURCE_OFFSET, sourceOffset);
        DeadLetterHeaders.write(headers, DeadLetterHeaders.EXCEPTION_CLASS, exceptionClass);
        DeadLetterHeaders.write(headers, DeadLetterHeaders.EXCEPTION_MESSAGE, message);
        return new Record<>(key, value, timestamp, headers);
    }
}
