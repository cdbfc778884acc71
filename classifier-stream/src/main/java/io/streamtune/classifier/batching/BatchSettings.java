package io.streamtune.classifier.batching;

/**
 * How the micro-batcher batches and where it sends results.
 *
 * @param storeName the pending-batch store
 * @param classificationsSink the child that writes classifications
 * @param deadLetterSink the child that writes dead letters
 * @param outputTopic the topic the classifications go to (the serializer's subject)
 * @param maxRecords flush when the store holds this many records
 * @param maxWaitMs flush at least this often, in wall-clock milliseconds
 */
public record BatchSettings(
        String storeName,
        String classificationsSink,
        String deadLetterSink,
        String outputTopic,
        int maxRecords,
        long maxWaitMs) {}
