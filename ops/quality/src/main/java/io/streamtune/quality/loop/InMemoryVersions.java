package io.streamtune.quality.loop;

import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.versions.ModelVersionHistory;
import io.streamtune.trainer.config.TrainerTopics;
import io.streamtune.trainer.publish.PublishedVersions;
import io.streamtune.trainer.publish.VersionPublisher;
import io.streamtune.trainer.round.Example;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The trainer's {@link VersionPublisher} on a {@link MockProducer} instead of a broker, and what it published read
 * back the way the trainer reads its topics, with the shared {@link ModelVersionHistory} rule (one partition, so
 * send order is offset order; the mock producer stamps no time, so every record counts as sent at the same time).
 */
final class InMemoryVersions implements AutoCloseable {

    private final MockProducer<String, SpecificRecord> producer =
            new MockProducer<>(true, null, new StringSerializer(), (topic, value) -> new byte[0]);
    private final TrainerTopics topics;
    private final String modelName;
    private final VersionPublisher publisher;

    InMemoryVersions(TrainerTopics topics, String modelName, String transactionalId) {
        this.topics = topics;
        this.modelName = modelName;
        this.publisher = new VersionPublisher(producer, transactionalId, topics);
    }

    VersionPublisher publisher() {
        return publisher;
    }

    /** The published versions of the model, as {@link PublishedVersions#read} would find them. */
    PublishedVersions published() {
        ModelVersionHistory history = new ModelVersionHistory();
        List<ProducerRecord<String, SpecificRecord>> sent = producer.history();
        for (int i = 0; i < sent.size(); i++) {
            ProducerRecord<String, SpecificRecord> record = sent.get(i);
            if (record.topic().equals(topics.modelVersions()) && record.value() instanceof ModelVersion version) {
                history.accept(version, 0L, i);
            }
        }
        return PublishedVersions.of(history, modelName);
    }

    /** The examples written to the training set (bootstrap writes its examples there), latest per event. */
    List<Example> trainingSetRecords() {
        Map<String, Example> byEvent = new LinkedHashMap<>();
        for (ProducerRecord<String, SpecificRecord> record : producer.history()) {
            if (record.topic().equals(topics.trainingSet()) && record.value() instanceof LabelCorrection example) {
                byEvent.put(example.getEventId(), Example.of(example));
            }
        }
        return List.copyOf(byEvent.values());
    }

    @Override
    public void close() {
        publisher.close();
    }
}
