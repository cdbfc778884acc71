package io.streamtune.systemtests.badinput;

import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.serde.AvroSerdeConfig;
import io.streamtune.schemas.serde.ConfluentAvroDeserializer;
import io.streamtune.schemas.serde.ConfluentAvroSerializer;
import io.streamtune.schemas.serde.WireFormat;
import io.streamtune.systemtests.ClassifierWiring;
import io.streamtune.systemtests.StandInModel;
import io.streamtune.testsupport.KafkaStack;
import io.streamtune.trainer.config.TrainerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The topics of one classifier and one trainer on the shared broker (unique names), their settings, a producer of
 * raw bytes (so any byte string can be sent) and read_committed readers of raw bytes (so nothing is lost to a
 * deserializer of the test itself).
 */
final class CorpusTopics implements AutoCloseable {

    static final int PARTITIONS = 2;
    static final String LABELS = "neg,pos";

    final KafkaStack stack;
    final String modelName = "badinput-" + UUID.randomUUID().toString().substring(0, 8);
    final String events;
    final String classifications;
    final String eventDeadLetters;
    final String corrections;
    final String correctionDeadLetters;
    final String trainingSet;
    final String modelVersions;
    private final KafkaProducer<byte[], byte[]> producer;

    CorpusTopics(KafkaStack stack) throws ExecutionException, InterruptedException {
        this.stack = stack;
        this.events = stack.uniqueTopic("text-events", PARTITIONS);
        this.classifications = stack.uniqueTopic("classifications", PARTITIONS);
        this.eventDeadLetters = stack.uniqueTopic("text-events-dlq");
        this.corrections = stack.uniqueTopic("label-corrections", PARTITIONS);
        this.correctionDeadLetters = stack.uniqueTopic("label-corrections-dlq");
        this.trainingSet = stack.uniqueTopic("training-set");
        this.modelVersions = stack.uniqueCompactedTopic("model-versions");
        Map<String, Object> config = stack.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_576);
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The serializer a well-behaved producer uses (registers the schema on first use). */
    <T extends SpecificRecord> ConfluentAvroSerializer<T> serializer() {
        Map<String, Object> config = stack.clientConfig();
        config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
        ConfluentAvroSerializer<T> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(config, false);
        return serializer;
    }

    /** The deserializer the services use, configured against the registry. */
    <T extends SpecificRecord> ConfluentAvroDeserializer<T> deserializer(Class<T> type) {
        ConfluentAvroDeserializer<T> deserializer = new ConfluentAvroDeserializer<>(type);
        deserializer.configure(stack.clientConfig(), false);
        return deserializer;
    }

    /**
     * Announces version 1 of the model as PROMOTED, so the classifier serves the stand-in model.
     *
     * @return the schema id of the ModelVersion record (a registered schema that is not a TextEvent)
     */
    int promoteStandInModel() throws ExecutionException, InterruptedException {
        ModelVersion version = StandInModel.promotedVersionOne(modelName);
        byte[] value = this.<ModelVersion>serializer().serialize(modelVersions, version);
        producer.send(new ProducerRecord<>(modelVersions, StandInModel.versionOneKey(modelName), value))
                .get();
        return WireFormat.schemaId(value);
    }

    /** Sends without waiting; the returned future gives where it was written. */
    Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        return producer.send(record);
    }

    void flush() {
        producer.flush();
    }

    /** The classifier's settings: small batches, the stand-in model, any free HTTP port. */
    ClassifierConfig classifierConfig(Path stateDir, Path storeRoot) {
        ClassifierWiring wiring = new ClassifierWiring(
                stack.bootstrapServers(),
                stack.schemaRegistryUrl(),
                modelName,
                events,
                classifications,
                eventDeadLetters,
                modelVersions);
        Map<String, String> settings = wiring.standInSettings("badinput-classifier", storeRoot, stateDir);
        // below Kafka's default message size, so the corpus can send texts over the limit
        settings.put(ClassifierConfig.TEXT_MAX_BYTES, Integer.toString(TextEventCorpus.TEXT_MAX_BYTES));
        return new ClassifierConfig(settings);
    }

    /**
     * The trainer's settings: the labels {@value #LABELS}, rounds out of reach, a short join wait, plus the caller's
     * feedback rules.
     */
    TrainerConfig trainerConfig(Path stateDir, Path storeRoot, Duration joinWait, Map<String, String> rules) {
        Map<String, Object> settings = new HashMap<>(rules);
        settings.put(TrainerConfig.MODEL_NAME, modelName);
        settings.put(TrainerConfig.MODEL_LABELS, LABELS);
        settings.put(TrainerConfig.MODEL_STORE_ROOT, storeRoot.toString());
        settings.put(TrainerConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
        settings.put(TrainerConfig.KAFKA_PREFIX + "bootstrap.servers", stack.bootstrapServers());
        settings.put(TrainerConfig.KAFKA_PREFIX + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "true");
        settings.put(TrainerConfig.KAFKA_PREFIX + "state.dir", stateDir.toString());
        settings.put(TrainerConfig.KAFKA_PREFIX + "commit.interval.ms", "100");
        settings.put(TrainerConfig.TOPIC_LABEL_CORRECTIONS, corrections);
        settings.put(TrainerConfig.TOPIC_CLASSIFICATIONS, classifications);
        settings.put(TrainerConfig.TOPIC_TRAINING_SET, trainingSet);
        settings.put(TrainerConfig.TOPIC_MODEL_VERSIONS, modelVersions);
        settings.put(TrainerConfig.TOPIC_DEAD_LETTERS, correctionDeadLetters);
        settings.put(TrainerConfig.ROUND_TRIGGER_CORRECTIONS, "1000000");
        settings.put(TrainerConfig.ROUND_TRIGGER_INTERVAL_MINUTES, "10000");
        settings.put(TrainerConfig.FEEDBACK_JOIN_MAX_WAIT_MS, String.valueOf(joinWait.toMillis()));
        settings.put(TrainerConfig.FEEDBACK_JOIN_CHECK_INTERVAL_MS, "500");
        return new TrainerConfig(settings);
    }

    /**
     * Reads topics from the beginning (read_committed) until {@code expected} records were read or the time is up,
     * then goes on for {@code settle} more, so a record written twice would be seen.
     */
    List<ConsumerRecord<byte[], byte[]>> read(List<String> topics, int expected, Duration timeout, Duration settle) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = rawConsumer(topics)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            long settled = System.nanoTime() + settle.toNanos();
            while (System.nanoTime() < settled) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private KafkaConsumer<byte[], byte[]> rawConsumer(List<String> topics) {
        Map<String, Object> config = stack.clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "badinput-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1_048_576);
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics);
        return consumer;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
