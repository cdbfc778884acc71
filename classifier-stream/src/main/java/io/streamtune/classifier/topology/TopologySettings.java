package io.streamtune.classifier.topology;

import io.streamtune.classifier.config.ClassifierConfig;

/**
 * The settings the topology is built with.
 *
 * @param inputTopic TextEvent records in
 * @param outputTopic Classification records out
 * @param deadLetterTopic rejected records out
 * @param batchMaxRecords records per batch at most
 * @param batchMaxWaitMs wall-clock milliseconds between flushes at most
 * @param textMaxBytes the hard size limit of a text in UTF-8 bytes
 */
public record TopologySettings(
        String inputTopic,
        String outputTopic,
        String deadLetterTopic,
        int batchMaxRecords,
        long batchMaxWaitMs,
        int textMaxBytes) {

    public static TopologySettings from(ClassifierConfig config) {
        return new TopologySettings(
                config.inputTopic(),
                config.outputTopic(),
                config.deadLetterTopic(),
                config.batchMaxRecords(),
                config.batchMaxWaitMs(),
                config.textMaxBytes());
    }
}
