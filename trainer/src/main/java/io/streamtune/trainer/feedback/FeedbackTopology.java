package io.streamtune.trainer.feedback;

import io.streamtune.schemas.Classification;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.trainer.config.TrainerTopics;
import java.time.Duration;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the feedback ingestion topology (run it with {@code processing.guarantee=exactly_once_v2}):
 *
 * <pre>
 * label-corrections (bytes) [-> key-by-annotator => by-annotator -> limit-annotator-rate]
 *                               -> key-by-event-id => by-event -> validate-corrections --> training-set (compacted)
 * classifications (bytes)      -> remember-texts -----------------------------------/ \-> label-corrections-dlq
 * </pre>
 *
 * Corrections are matched by the {@code eventId} in their value, whatever their key: every correction goes through a
 * repartition topic of the application ({@code =>}) keyed by that id, so an unkeyed correction (or one a producer
 * partitioned with another hash) meets its classification, which the classifier keys by event id. A key that is
 * present and disagrees with the value is still dead-lettered ({@code KEY_MISMATCH}). The bracketed part exists only
 * with a rate limit: before that, the corrections go through another repartition topic keyed by annotator, so that
 * one task counts all of an annotator's corrections whatever partition they were sent to. Both topics must have the
 * same partition count (the repartition topics take the count of label-corrections), so a correction and its
 * classification meet in the same task. All state is in change-logged stores, so a moved or restarted trainer
 * rebuilds it from Kafka. The dead letters carry the original bytes and reason headers.
 */
public final class FeedbackTopology {

    public static final String CORRECTIONS_SOURCE = "corrections-source";
    public static final String CLASSIFICATIONS_SOURCE = "classifications-source";
    public static final String KEY_BY_ANNOTATOR = "key-by-annotator";
    public static final String BY_ANNOTATOR = "corrections-by-annotator";
    public static final String LIMIT_ANNOTATOR_RATE = "limit-annotator-rate";
    public static final String KEY_BY_EVENT = "key-by-event-id";
    public static final String BY_EVENT = "corrections-by-event";
    public static final String VALIDATE_CORRECTIONS = "validate-corrections";
    public static final String REMEMBER_TEXTS = "remember-texts";

    public static final String TEXTS_STORE = "event-texts";
    public static final String PENDING_STORE = "pending-corrections";
    public static final String LATEST_STORE = "latest-corrections";
    public static final String RATES_STORE = "annotator-rates";

    /** The sink nodes a processor forwards to by name: the training set and the dead letters. */
    record Sinks(String trainingSet, String deadLetters) {

        static Sinks of(String processor) {
            return new Sinks(processor + "-training-set-sink", processor + "-dead-letter-sink");
        }
    }

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
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder, settings);
        KStream<byte[], byte[]> correctionRecords = builder.stream(
                topics.labelCorrections(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(CORRECTIONS_SOURCE));
        if (settings.ratePerMinute() > 0) {
            correctionRecords = rateLimited(correctionRecords, settings, corrections);
        }
        correctionRecords = byEventId(correctionRecords, corrections);
        Sinks correctionSinks = Sinks.of(VALIDATE_CORRECTIONS);
        KStream<Object, Object> validated = correctionRecords.process(
                () -> new CorrectionProcessor(settings, corrections, correctionSinks),
                Named.as(VALIDATE_CORRECTIONS),
                TEXTS_STORE,
                PENDING_STORE,
                LATEST_STORE);
        addSinks(validated, topics, trainingSet, correctionSinks);
        Sinks textSinks = Sinks.of(REMEMBER_TEXTS);
        KStream<Object, Object> remembered = builder.stream(
                        topics.classifications(),
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(CLASSIFICATIONS_SOURCE))
                .process(
                        () -> new ClassificationProcessor(corrections, classifications, textSinks),
                        Named.as(REMEMBER_TEXTS),
                        TEXTS_STORE,
                        PENDING_STORE,
                        LATEST_STORE);
        addSinks(remembered, topics, trainingSet, textSinks);
        return builder.build();
    }

    private static KStream<byte[], byte[]> rateLimited(
            KStream<byte[], byte[]> records, FeedbackSettings settings, Deserializer<LabelCorrection> corrections) {
        return records.process(() -> new AnnotatorKeying(settings, corrections), Named.as(KEY_BY_ANNOTATOR))
                .repartition(Repartitioned.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName(BY_ANNOTATOR))
                .process(
                        () -> new AnnotatorRateLimit(settings.ratePerMinute()),
                        Named.as(LIMIT_ANNOTATOR_RATE),
                        RATES_STORE);
    }

    /** Keys every correction by the event id in its value and repartitions it to its classification's task. */
    private static KStream<byte[], byte[]> byEventId(
            KStream<byte[], byte[]> records, Deserializer<LabelCorrection> corrections) {
        return records.process(() -> new EventIdKeying(corrections), Named.as(KEY_BY_EVENT))
                .repartition(Repartitioned.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName(BY_EVENT));
    }

    private static void addSinks(
            KStream<Object, Object> stream,
            TrainerTopics topics,
            Serializer<LabelCorrection> trainingSet,
            Sinks sinks) {
        stream.to(
                topics.trainingSet(),
                Produced.with(WriteOnlySerde.of(new StringSerializer()), WriteOnlySerde.of(trainingSet))
                        .withName(sinks.trainingSet()));
        stream.to(
                topics.deadLetters(),
                Produced.with(
                                WriteOnlySerde.of(new ByteArraySerializer()),
                                WriteOnlySerde.of(new ByteArraySerializer()))
                        .withName(sinks.deadLetters()));
    }

    private static void addStores(StreamsBuilder builder, FeedbackSettings settings) {
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(TEXTS_STORE, settings.textRetention(), Duration.ofMillis(1), false),
                Serdes.String(),
                Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PENDING_STORE), Serdes.String(), PendingCorrection.serde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(LATEST_STORE), Serdes.String(), LatestCorrection.serde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(RATES_STORE), Serdes.String(), Serdes.String()));
    }
}
