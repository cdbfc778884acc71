package io.streamtune.model.violation;

import org.apache.kafka.clients.producer.ProducerRecord;

/** Fixture of LayeringRulesTest: a model class that imports Kafka. */
public final class ImportsKafka {

    private ImportsKafka() {}

    static ProducerRecord<String, String> record(String text) {
        return new ProducerRecord<>("topic", text);
    }
}
