package io.streamtune.classifier.batching;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An accepted input record waiting in the pending-batch store: its original bytes and headers, where it was read
 * from, and when it arrived.
 *
 * @param key the original key bytes, may be null
 * @param value the original value bytes (a Confluent wire format TextEvent)
 * @param headers the original headers
 * @param topic the source topic
 * @param partition the source partition
 * @param offset the source offset
 * @param timestamp the record's timestamp
 * @param arrivalMs wall-clock milliseconds when the classifier accepted it
 */
public record PendingRecord(
        byte[] key,
        byte[] value,
        Headers headers,
        String topic,
        int partition,
        long offset,
        long timestamp,
        long arrivalMs) {

    public PendingRecord {
        headers = new RecordHeaders(headers.toArray());
    }
}
