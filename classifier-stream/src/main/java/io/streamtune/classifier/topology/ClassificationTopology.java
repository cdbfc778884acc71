package io.streamtune.classifier.topology;

import io.streamtune.classifier.batching.BatchRunner;
import io.streamtune.classifier.batching.BatchSettings;
import io.streamtune.classifier.batching.MicroBatchProcessor;
import io.streamtune.classifier.batching.PendingRecordSerde;
import io.streamtune.classifier.batching.TextEventReader;
import io.streamtune.classifier.inference.BatchClassifier;
import io.streamtune.classifier.metrics.ClassifierMetrics;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.TextEvent;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The classifier's topology. Raw bytes are read, so that undeserialisable records reach the micro-batcher and are
 * dead-lettered with their original bytes instead of stopping the stream:
 *
 * <pre>
 * text-events-source (bytes) -> micro-batch-classifier [pending-batch-store, RocksDB, change-logged]
 *                                   |-> classifications-sink (keyed by event id, headers as read)
 *                                   '-> dead-letter-sink (original bytes, reason headers)
 * </pre>
 */
public final class ClassificationTopology {

    public static final String SOURCE = "text-events-source";
    public static final String PROCESSOR = "micro-batch-classifier";
    public static final String STORE = "pending-batch-store";
    public static final String CLASSIFICATIONS_SINK = "classifications-sink";
    public static final String DEAD_LETTER_SINK = "dead-letter-sink";

    /**
     * The pending-batch changelog holds short-lived entries, each soon deleted: compact it early and drop tombstones
     * after a minute, so a restore (after a crash, under exactly-once a full one) reads little more than the records
     * actually pending rather than a day of tombstones.
     */
    static final Map<String, String> CHANGELOG_CONFIG = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.DELETE_RETENTION_MS_CONFIG, "60000",
            TopicConfig.SEGMENT_MS_CONFIG, "600000",
            TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1");

    private ClassificationTopology() {}

    /**
     * Builds the topology.
     *
     * @param settings topics and batching
     * @param events reads input values (Confluent wire format); thread-safe
     * @param classifications writes output values; thread-safe
     * @param classifier the model port; thread-safe
     * @param metrics where to count
     */
    public static Topology build(
            TopologySettings settings,
            Deserializer<TextEvent> events,
            Serializer<Classification> classifications,
            BatchClassifier classifier,
            ClassifierMetrics metrics) {
        BatchSettings batching = new BatchSettings(
                STORE,
                CLASSIFICATIONS_SINK,
                DEAD_LETTER_SINK,
                settings.outputTopic(),
                settings.batchMaxRecords(),
                settings.batchMaxWaitMs());
        TextEventReader reader = new TextEventReader(events, settings.textMaxBytes());
        BatchRunner runner = new BatchRunner(classifier, metrics);

        Topology topology = new Topology();
        topology.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), settings.inputTopic());
        topology.addProcessor(
                PROCESSOR, () -> new MicroBatchProcessor(batching, reader, classifications, runner, metrics), SOURCE);
        topology.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(STORE), Serdes.Long(), new PendingRecordSerde())
                        .withLoggingEnabled(CHANGELOG_CONFIG),
                PROCESSOR);
        topology.addSink(
                CLASSIFICATIONS_SINK,
                settings.outputTopic(),
                new ByteArraySerializer(),
                new ByteArraySerializer(),
                PROCESSOR);
        topology.addSink(
                DEAD_LETTER_SINK,
                settings.deadLetterTopic(),
                new ByteArraySerializer(),
                new ByteArraySerializer(),
                PROCESSOR);
        return topology;
    }
}
