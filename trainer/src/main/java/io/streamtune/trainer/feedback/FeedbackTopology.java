package io.streamtune.trainer.feedback;

import io.streamtune.schemas.Classification;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.trainer.config.TrainerTopics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the feedback ingestion topology (run it with {@code processing.guarantee=exactly_once_v2}):
 *
 * <pre>
 * label-corrections (bytes) -> validate-corrections --> training-set (compacted, LabelCorrection with text)
 * classifications (bytes)   -> remember-texts -----/ \-> label-corrections-dlq (original bytes + reason headers)
 * </pre>
 *
 * Both sources must be keyed by event id and have the same partition count, so a correction and its
 * classification meet in the same task. All state is in change-logged stores, so a moved or restarted trainer
 * rebuilds it from Kafka.
 */
public final class FeedbackTopology {

    public static final String CORRECTIONS_SOURCE = "corrections-source";
    public static final String CLASSIFICATIONS_SOURCE = "classifications-source";
    public static final String VALIDATE_CORRECTIONS = "validate-corrections";
    public static final String REMEMBER_TEXTS = "remember-texts";
    public static final String TRAINING_SET_SINK = "training-set-sink";
    public static final String DEAD_LETTER_SINK = "dead-letter-sink";

    public static final String TEXTS_STORE = "event-texts";
    public static final String PENDING_STORE = "pending-corrections";
    public static final String LATEST_STORE = "latest-corrections";
    public static final String RATES_STORE = "annotator-rates";

    private FeedbackTopology() {}

    /**
     * The topology.
     *
     * @param topics the topics read and written
     * @param settings validation and join settings
     * @param corrections a configured deserializer of label corrections (bad bytes must throw)
     * @param classifications a configured deserializer of classifications
     * @param trainingSet a configured serializer of the training set's values
     */
    public static Topology build(
            TrainerTopics topics,
            FeedbackSettings settings,
            Deserializer<LabelCorrection> corrections,
            Deserializer<Classification> classifications,
            Serializer<LabelCorrection> trainingSet) {
        Topology topology = new Topology();
        topology.addSource(
                CORRECTIONS_SOURCE,
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer(),
                topics.labelCorrections());
        topology.addSource(
                CLASSIFICATIONS_SOURCE,
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer(),
                topics.classifications());
        topology.addProcessor(
                VALIDATE_CORRECTIONS, () -> new CorrectionProcessor(settings, corrections), CORRECTIONS_SOURCE);
        topology.addProcessor(
                REMEMBER_TEXTS,
                () -> new ClassificationProcessor(corrections, classifications),
                CLASSIFICATIONS_SOURCE);
        addStores(topology, settings);
        topology.addSink(
                TRAINING_SET_SINK,
                topics.trainingSet(),
                new StringSerializer(),
                trainingSet,
                VALIDATE_CORRECTIONS,
                REMEMBER_TEXTS);
        topology.addSink(
                DEAD_LETTER_SINK,
                topics.deadLetters(),
                new ByteArraySerializer(),
                new ByteArraySerializer(),
                VALIDATE_CORRECTIONS,
                REMEMBER_TEXTS);
        return topology;
    }

    private static void addStores(Topology topology, FeedbackSettings settings) {
        topology.addStateStore(
                Stores.windowStoreBuilder(
                        Stores.persistentWindowStore(
                                TEXTS_STORE, settings.textRetention(), java.time.Duration.ofMillis(1), false),
                        Serdes.String(),
                        Serdes.String()),
                VALIDATE_CORRECTIONS,
                REMEMBER_TEXTS);
        topology.addStateStore(
                Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(PENDING_STORE), Serdes.String(), PendingCorrection.serde()),
                VALIDATE_CORRECTIONS,
                REMEMBER_TEXTS);
        topology.addStateStore(
                Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(LATEST_STORE), Serdes.String(), LatestCorrection.serde()),
                VALIDATE_CORRECTIONS,
                REMEMBER_TEXTS);
        topology.addStateStore(
                Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(RATES_STORE), Serdes.String(), Serdes.String()),
                VALIDATE_CORRECTIONS);
    }
}
