package io.streamtune.systemtests;

import io.streamtune.schemas.Classification;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Watches, as a client would (read_committed), the three topics a correction travels through on its way to a
 * served version: when the corrections are all in the training set, when a version's decision is visible, and the
 * first classification by that version. Each time is this JVM's clock when the poll returned the record.
 */
final class DeployObserver implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(50);

    private final KafkaConsumer<String, LabelCorrection> trainingSet;
    private final KafkaConsumer<String, ModelVersion> versions;
    private final KafkaConsumer<String, Classification> classifications;
    private final Set<String> awaitedCorrections;
    private final long version;
    private Long correctionsInTrainingSet;
    private ModelVersion decision;
    private Long decisionVisible;
    private Classification firstClassification;
    private Long firstClassificationRead;

    DeployObserver(LoopStack loop, Set<String> correctedEventIds, long version) {
        this.trainingSet = loop.trainingSetConsumer();
        this.versions = loop.versionsConsumer();
        this.classifications = loop.classificationsConsumer();
        this.awaitedCorrections = new HashSet<>(correctedEventIds);
        this.version = version;
    }

    /** Polls each topic once; returns true once a classification by the version was read. */
    boolean poll() {
        for (ConsumerRecord<String, LabelCorrection> record : trainingSet.poll(POLL)) {
            awaitedCorrections.remove(record.key());
        }
        if (correctionsInTrainingSet == null && awaitedCorrections.isEmpty()) {
            correctionsInTrainingSet = System.currentTimeMillis();
        }
        for (ConsumerRecord<String, ModelVersion> record : versions.poll(POLL)) {
            ModelVersion value = record.value();
            if (decision == null && value.getVersion() == version && value.getStatus() != ModelStatus.CANDIDATE) {
                decision = value;
                decisionVisible = System.currentTimeMillis();
            }
        }
        for (ConsumerRecord<String, Classification> record : classifications.poll(POLL)) {
            if (firstClassification == null && record.value().getModelVersion() == version) {
                firstClassification = record.value();
                firstClassificationRead = System.currentTimeMillis();
            }
        }
        return firstClassification != null;
    }

    /** A decision on the version other than PROMOTED means no classification by it will come. */
    boolean versionRejected() {
        return decision != null && decision.getStatus() != ModelStatus.PROMOTED;
    }

    long correctionsInTrainingSet() {
        return correctionsInTrainingSet;
    }

    Optional<ModelVersion> decision() {
        return Optional.ofNullable(decision);
    }

    long decisionVisible() {
        return decisionVisible;
    }

    /** When the classifier produced its first verdict with the version (its own stamp). */
    long firstClassified() {
        return firstClassification.getClassifiedTime().toEpochMilli();
    }

    long firstClassificationRead() {
        return firstClassificationRead;
    }

    @Override
    public void close() {
        trainingSet.close();
        versions.close();
        classifications.close();
    }
}
