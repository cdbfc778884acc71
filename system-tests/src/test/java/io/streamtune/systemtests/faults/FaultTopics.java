package io.streamtune.systemtests.faults;

import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.serde.AvroSerdeConfig;
import io.streamtune.schemas.serde.ConfluentAvroSerializer;
import io.streamtune.systemtests.ClassifierWiring;
import io.streamtune.systemtests.StandInModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The classifier's topics on a {@link FaultStack}, the stand-in model promoted, and the classifier's settings. */
final class FaultTopics {

    static final int PARTITIONS = 2;
    static final String EVENTS = "text-events";
    static final String CLASSIFICATIONS = "classifications";
    static final String DEAD_LETTERS = "text-events-dlq";
    static final String MODEL_VERSIONS = "model-versions";
    static final String MODEL_NAME = "faults";

    private final FaultStack stack;

    FaultTopics(FaultStack stack) {
        this.stack = stack;
    }

    /** Creates the topics and announces version 1 of the stand-in model as PROMOTED. */
    FaultTopics create() throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(stack.clientConfig())) {
            admin.createTopics(List.of(
                            new NewTopic(EVENTS, PARTITIONS, (short) 1),
                            new NewTopic(CLASSIFICATIONS, PARTITIONS, (short) 1),
                            new NewTopic(DEAD_LETTERS, 1, (short) 1),
                            new NewTopic(MODEL_VERSIONS, 1, (short) 1)
                                    .configs(Map.of(
                                            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all()
                    .get();
        }
        ModelVersion version = StandInModel.promotedVersionOne(MODEL_NAME);
        byte[] value = this.<ModelVersion>serializer().serialize(MODEL_VERSIONS, version);
        Map<String, Object> config = stack.clientConfig();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(MODEL_VERSIONS, StandInModel.versionOneKey(MODEL_NAME), value))
                    .get();
        }
        return this;
    }

    /** The serializer a well-behaved producer uses (registers the schema on first use, then caches its id). */
    <T extends SpecificRecord> ConfluentAvroSerializer<T> serializer() {
        Map<String, Object> config = stack.clientConfig();
        config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
        ConfluentAvroSerializer<T> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(config, false);
        return serializer;
    }

    /** The classifier's settings: small batches, the stand-in model, any free HTTP port. */
    ClassifierConfig classifierConfig(Path stateDir, Path storeRoot) {
        return new ClassifierWiring(
                        stack.bootstrapServers(),
                        stack.registryUrl(),
                        MODEL_NAME,
                        EVENTS,
                        CLASSIFICATIONS,
                        DEAD_LETTERS,
                        MODEL_VERSIONS)
                .standInConfig("faults-classifier", storeRoot, stateDir);
    }
}
