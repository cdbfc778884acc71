package io.streamtune.systemtests.security;

import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.serde.AvroSerdeConfig;
import io.streamtune.schemas.serde.ConfluentAvroDeserializer;
import io.streamtune.schemas.serde.ConfluentAvroSerializer;
import io.streamtune.systemtests.ClassifierWiring;
import io.streamtune.trainer.config.TrainerConfig;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The loop's topics on a {@link SecureStack}, the classifier's and the trainer's settings as a user writes them
 * (Kafka and registry security only through {@code kafka.*} and {@code registry.*} keys), and the test's own clients,
 * all as the application user.
 */
final class SecureLoop implements AutoCloseable {

    static final String MODEL_NAME = "secure";
    static final List<String> LABELS = List.of("neg", "pos");
    static final String EVENTS = "text-events";
    static final String CLASSIFICATIONS = "classifications";
    static final String EVENT_DEAD_LETTERS = "text-events-dlq";
    static final String CORRECTIONS = "label-corrections";
    static final String CORRECTION_DEAD_LETTERS = "label-corrections-dlq";
    static final String TRAINING_SET = "training-set";
    static final String MODEL_VERSIONS = "model-versions";
    private static final int PARTITIONS = 2;

    private final SecureStack stack;
    private final String user;
    private final String password;
    private KafkaProducer<String, SpecificRecord> producer;

    SecureLoop(SecureStack stack, String user, String password) {
        this.stack = stack;
        this.user = user;
        this.password = password;
    }

    /** Creates the topics with the admin's authenticated client, then opens the test's producer. */
    SecureLoop create() throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(stack.adminSettings())) {
            admin.createTopics(List.of(
                            new NewTopic(EVENTS, PARTITIONS, (short) 1),
                            new NewTopic(CLASSIFICATIONS, PARTITIONS, (short) 1),
                            new NewTopic(EVENT_DEAD_LETTERS, 1, (short) 1),
                            new NewTopic(CORRECTIONS, PARTITIONS, (short) 1),
                            new NewTopic(CORRECTION_DEAD_LETTERS, 1, (short) 1),
                            new NewTopic(TRAINING_SET, 1, (short) 1),
                            new NewTopic(MODEL_VERSIONS, 1, (short) 1)
                                    .configs(Map.of(
                                            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all()
                    .get();
        }
        Map<String, Object> config = stack.kafkaSettings(user, password);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        ConfluentAvroSerializer<SpecificRecord> values = new ConfluentAvroSerializer<>();
        Map<String, Object> serde = stack.registrySettings();
        serde.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
        values.configure(serde, false);
        producer = new KafkaProducer<>(config, new StringSerializer(), values);
        return this;
    }

    /**
     * The classifier's settings: the usual wiring plus, as a user puts them in the properties file, {@code kafka.*}
     * for SASL_SSL and {@code registry.*} for the registry's basic auth and trust store.
     */
    ClassifierConfig classifierConfig(Path storeRoot, Path stateDir) {
        Map<String, String> settings = new ClassifierWiring(
                        stack.bootstrapServers(),
                        stack.registryUrl(),
                        MODEL_NAME,
                        EVENTS,
                        CLASSIFICATIONS,
                        EVENT_DEAD_LETTERS,
                        MODEL_VERSIONS)
                .settings("secure-classifier", storeRoot, stateDir);
        settings.put(ClassifierConfig.BATCH_MAX_RECORDS, "16");
        settings.put(ClassifierConfig.KAFKA_PREFIX + "commit.interval.ms", "100");
        securityOf(stack.kafkaSettings(user, password))
                .forEach((key, value) -> settings.put(ClassifierConfig.KAFKA_PREFIX + key, value));
        securityOf(stack.registrySettings())
                .forEach((key, value) -> settings.put(ClassifierConfig.REGISTRY_PREFIX + key, value));
        return new ClassifierConfig(settings);
    }

    /**
     * The trainer's settings: a round after {@code corrections} new ones, a short join wait; Kafka security and the
     * registry's credentials and trust store both under {@code kafka.*} (the trainer has no {@code registry.*}).
     */
    TrainerConfig trainerConfig(Path storeRoot, Path stateDir, int corrections) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(TrainerConfig.MODEL_NAME, MODEL_NAME);
        settings.put(TrainerConfig.MODEL_LABELS, String.join(",", LABELS));
        settings.put(TrainerConfig.MODEL_STORE_ROOT, storeRoot.toString());
        settings.put(TrainerConfig.SCHEMA_REGISTRY_URL, stack.registryUrl());
        settings.put(TrainerConfig.KAFKA_PREFIX + "bootstrap.servers", stack.bootstrapServers());
        settings.put(TrainerConfig.KAFKA_PREFIX + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "true");
        settings.put(TrainerConfig.KAFKA_PREFIX + "state.dir", stateDir.toString());
        settings.put(TrainerConfig.KAFKA_PREFIX + "commit.interval.ms", "100");
        securityOf(stack.kafkaSettings(user, password))
                .forEach((key, value) -> settings.put(TrainerConfig.KAFKA_PREFIX + key, value));
        securityOf(stack.registrySettings())
                .forEach((key, value) -> settings.put(TrainerConfig.KAFKA_PREFIX + key, value));
        settings.put(TrainerConfig.TOPIC_LABEL_CORRECTIONS, CORRECTIONS);
        settings.put(TrainerConfig.TOPIC_CLASSIFICATIONS, CLASSIFICATIONS);
        settings.put(TrainerConfig.TOPIC_TRAINING_SET, TRAINING_SET);
        settings.put(TrainerConfig.TOPIC_MODEL_VERSIONS, MODEL_VERSIONS);
        settings.put(TrainerConfig.TOPIC_DEAD_LETTERS, CORRECTION_DEAD_LETTERS);
        settings.put(TrainerConfig.ROUND_TRIGGER_CORRECTIONS, String.valueOf(corrections));
        settings.put(TrainerConfig.ROUND_TRIGGER_INTERVAL_MINUTES, "10000");
        settings.put(TrainerConfig.ROUND_HOLDOUT_FRACTION, "0.3");
        settings.put(TrainerConfig.ROUND_RETRY_BACKOFF_MS, "1000");
        settings.put(TrainerConfig.FEEDBACK_JOIN_MAX_WAIT_MS, "3000");
        settings.put(TrainerConfig.FEEDBACK_JOIN_CHECK_INTERVAL_MS, "500");
        return new TrainerConfig(settings);
    }

    /**
     * Writes the client properties file a user gives the command line with {@code --config}: the Kafka client's
     * SASL_SSL settings and the registry's URL, basic auth and trust store (Confluent key names), side by side.
     */
    Path writeClientProperties(Path file) throws IOException {
        Properties properties = new Properties();
        stack.kafkaSettings(user, password).forEach((key, value) -> properties.setProperty(key, String.valueOf(value)));
        stack.registrySettings().forEach((key, value) -> properties.setProperty(key, String.valueOf(value)));
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "streamtune CLI: SASL_SSL to Kafka, TLS + basic auth to the registry");
        }
        return file;
    }

    void sendEvent(String id, String text) {
        TextEvent event = TextEvent.newBuilder()
                .setId(id)
                .setText(text)
                .setSource("secure-loop")
                .setEventTime(Instant.now())
                .build();
        producer.send(new ProducerRecord<>(EVENTS, id, event));
    }

    /** An id-only correction: the trainer takes the text from the classification. */
    void sendCorrection(String eventId, String label, String previousLabel) {
        LabelCorrection correction = LabelCorrection.newBuilder()
                .setEventId(eventId)
                .setLabel(label)
                .setPreviousLabel(previousLabel)
                .setAnnotator("secure-loop")
                .setCorrectedTime(Instant.now())
                .build();
        producer.send(new ProducerRecord<>(CORRECTIONS, eventId, correction));
    }

    void flush() {
        producer.flush();
    }

    KafkaConsumer<String, Classification> classifications() {
        return consumer(CLASSIFICATIONS, Classification.class);
    }

    KafkaConsumer<String, ModelVersion> modelVersions() {
        return consumer(MODEL_VERSIONS, ModelVersion.class);
    }

    /** Every committed record of the topics now (read_committed, from the beginning up to the end offsets). */
    List<ConsumerRecord<byte[], byte[]>> readAll(List<String> topics, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(readerSettings(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(topic -> consumer.partitionsFor(topic, timeout)
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topics + " to " + ends + " in " + timeout);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private <T extends SpecificRecord> KafkaConsumer<String, T> consumer(String topic, Class<T> type) {
        ConfluentAvroDeserializer<T> values = new ConfluentAvroDeserializer<>(type);
        values.configure(stack.registrySettings(), false);
        KafkaConsumer<String, T> consumer = new KafkaConsumer<>(readerSettings(), new StringDeserializer(), values);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private Map<String, Object> readerSettings() {
        Map<String, Object> config = stack.kafkaSettings(user, password);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "secure-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }

    /** The settings without the addresses, which the applications take from their own keys. */
    private static Map<String, String> securityOf(Map<String, Object> settings) {
        Map<String, String> security = new HashMap<>();
        settings.forEach((key, value) -> {
            if (!key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
                    && !key.equals(AvroSerdeConfig.SCHEMA_REGISTRY_URL)) {
                security.put(key, String.valueOf(value));
            }
        });
        return security;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
