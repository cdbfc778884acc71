package io.streamtune.systemtests;

import io.streamtune.schemas.Classification;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.serde.AvroSerdeConfig;
import io.streamtune.schemas.serde.ConfluentAvroDeserializer;
import io.streamtune.schemas.serde.ConfluentAvroSerializer;
import io.streamtune.testsupport.KafkaStack;
import io.streamtune.trainer.config.TrainerConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The topics of one whole loop on the shared broker and registry (unique names, so test classes do not meet), the
 * settings that point a classifier and a trainer at them and at one model store, and clients to feed and read
 * them. Corrections and classifications have the same partition count, as the trainer's join requires.
 */
final class LoopStack implements AutoCloseable {

    private static final int PARTITIONS = 2;

    final KafkaStack stack;
    final String modelName = "loop-" + UUID.randomUUID().toString().substring(0, 8);
    final String events;
    final String classifications;
    final String eventDeadLetters;
    final String corrections;
    final String correctionDeadLetters;
    final String trainingSet;
    final String modelVersions;
    private final KafkaProducer<String, SpecificRecord> producer;

    LoopStack(KafkaStack stack) throws ExecutionException, InterruptedException {
        this.stack = stack;
        this.events = stack.uniqueTopic("text-events", PARTITIONS);
        this.classifications = stack.uniqueTopic("classifications", PARTITIONS);
        this.eventDeadLetters = stack.uniqueTopic("text-events-dlq");
        this.corrections = stack.uniqueTopic("label-corrections", PARTITIONS);
        this.correctionDeadLetters = stack.uniqueTopic("label-corrections-dlq");
        this.trainingSet = stack.uniqueTopic("training-set");
        this.modelVersions = stack.uniqueCompactedTopic("model-versions");
        this.producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), serializer());
    }

    /**
     * The trainer's settings: only what it cannot default (names, store, where Kafka and the registry are, topics)
     * and the schema auto-registration a fresh registry needs; callers add tuning keys.
     */
    Map<String, Object> trainerSettings(Path storeRoot, Path stateDir) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(TrainerConfig.MODEL_NAME, modelName);
        settings.put(TrainerConfig.MODEL_LABELS, "neg,pos");
        settings.put(TrainerConfig.MODEL_STORE_ROOT, storeRoot.toString());
        settings.put(TrainerConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
        settings.put(TrainerConfig.KAFKA_PREFIX + "bootstrap.servers", stack.bootstrapServers());
        settings.put(TrainerConfig.KAFKA_PREFIX + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "true");
        settings.put(TrainerConfig.KAFKA_PREFIX + "state.dir", stateDir.toString());
        settings.put(TrainerConfig.TOPIC_LABEL_CORRECTIONS, corrections);
        settings.put(TrainerConfig.TOPIC_CLASSIFICATIONS, classifications);
        settings.put(TrainerConfig.TOPIC_TRAINING_SET, trainingSet);
        settings.put(TrainerConfig.TOPIC_MODEL_VERSIONS, modelVersions);
        settings.put(TrainerConfig.TOPIC_DEAD_LETTERS, correctionDeadLetters);
        return settings;
    }

    /** The classifier's settings (see {@link ClassifierWiring#settings}); callers add tuning keys. */
    Map<String, String> classifierSettings(Path storeRoot, Path stateDir) {
        return new ClassifierWiring(
                        stack.bootstrapServers(),
                        stack.schemaRegistryUrl(),
                        modelName,
                        events,
                        classifications,
                        eventDeadLetters,
                        modelVersions)
                .settings("loop-classifier", storeRoot, stateDir);
    }

    /** Sends a text event keyed by its id (not flushed). */
    void sendEvent(String id, String text) {
        TextEvent event = TextEvent.newBuilder()
                .setId(id)
                .setText(text)
                .setSource("system-test")
                .setEventTime(Instant.now())
                .build();
        producer.send(new ProducerRecord<>(events, id, event));
    }

    /** Sends an id-only correction (the trainer takes the text from the classification), keyed by the event id. */
    void sendCorrection(String eventId, String label, String previousLabel) {
        LabelCorrection correction = LabelCorrection.newBuilder()
                .setEventId(eventId)
                .setLabel(label)
                .setPreviousLabel(previousLabel)
                .setAnnotator("system-test")
                .setCorrectedTime(Instant.now())
                .build();
        producer.send(new ProducerRecord<>(corrections, eventId, correction));
    }

    void flush() {
        producer.flush();
    }

    /** A read_committed consumer of every classification, from the beginning. */
    KafkaConsumer<String, Classification> classificationsConsumer() {
        return consumer(classifications, Classification.class);
    }

    /** A read_committed consumer of the model versions, from the beginning. */
    KafkaConsumer<String, ModelVersion> versionsConsumer() {
        return consumer(modelVersions, ModelVersion.class);
    }

    /** A read_committed consumer of the training set, from the beginning. */
    KafkaConsumer<String, LabelCorrection> trainingSetConsumer() {
        return consumer(trainingSet, LabelCorrection.class);
    }

    private <T extends SpecificRecord> KafkaConsumer<String, T> consumer(String topic, Class<T> type) {
        Map<String, Object> config = stack.clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        ConfluentAvroDeserializer<T> values = new ConfluentAvroDeserializer<>(type);
        values.configure(stack.clientConfig(), false);
        KafkaConsumer<String, T> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = stack.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return config;
    }

    private ConfluentAvroSerializer<SpecificRecord> serializer() {
        Map<String, Object> config = stack.clientConfig();
        config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
        ConfluentAvroSerializer<SpecificRecord> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(config, false);
        return serializer;
    }

    @Override
    public void close() {
        producer.close();
    }
}
