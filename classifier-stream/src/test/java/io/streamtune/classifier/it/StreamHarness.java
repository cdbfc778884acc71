package io.streamtune.classifier.it;

import static org.awaitility.Awaitility.await;

import io.streamtune.schemas.Classification;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.serde.AvroSerdeConfig;
import io.streamtune.schemas.serde.ConfluentAvroDeserializer;
import io.streamtune.schemas.serde.ConfluentAvroSerializer;
import io.streamtune.testsupport.KafkaStack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The topics, producers and read_committed consumers an integration test of the classifier needs. */
public final class StreamHarness implements AutoCloseable {

    public static final String MODEL = "sentiment";

    private final KafkaStack stack;
    private final String input;
    private final String output;
    private final String deadLetters;
    private final String modelVersions;
    private final String trainingSet;
    private final String applicationId = "classifier-it-" + UUID.randomUUID();
    private final KafkaProducer<String, TextEvent> events;
    private final KafkaProducer<String, byte[]> raw;
    private final KafkaProducer<String, ModelVersion> versions;
    private final KafkaProducer<String, LabelCorrection> corrections;

    public StreamHarness(KafkaStack stack, int partitions) throws Exception {
        this.stack = stack;
        this.input = stack.uniqueTopic("text-events", partitions);
        this.output = stack.uniqueTopic("classifications", partitions);
        this.deadLetters = stack.uniqueTopic("text-events-dlq");
        this.modelVersions = stack.uniqueCompactedTopic("model-versions");
        this.trainingSet = stack.uniqueCompactedTopic("training-set");
        this.events = new KafkaProducer<>(producerConfig(), new StringSerializer(), serializer());
        this.raw = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
        this.versions = new KafkaProducer<>(producerConfig(), new StringSerializer(), serializer());
        this.corrections = new KafkaProducer<>(producerConfig(), new StringSerializer(), serializer());
    }

    /** The configuration of one classifier instance on these topics. */
    public Map<String, String> classifierConfig(String instanceId, Path stateDir, Path modelStore) {
        Map<String, String> config = new HashMap<>();
        config.put("application.id", applicationId);
        config.put("bootstrap.servers", stack.bootstrapServers());
        config.put("schema.registry.url", stack.schemaRegistryUrl());
        config.put("registry.auto.register.schemas", "true");
        config.put("input.topic", input);
        config.put("output.topic", output);
        config.put("dlq.topic", deadLetters);
        config.put("model.versions.topic", modelVersions);
        config.put("training.set.topic", trainingSet);
        config.put("model.name", MODEL);
        config.put("model.store.root", modelStore.toString());
        config.put("batch.max.records", "16");
        config.put("batch.max.wait.ms", "50");
        config.put("instance.id", instanceId);
        config.put("http.port", "0");
        config.put("kafka.state.dir", stateDir.toString());
        config.put("kafka.commit.interval.ms", "100");
        config.put("kafka.consumer.session.timeout.ms", "10000");
        return config;
    }

    public void send(String id, String text) {
        TextEvent event = TextEvent.newBuilder()
                .setId(id)
                .setText(text)
                .setSource("it")
                .setEventTime(Instant.now())
                .build();
        events.send(new ProducerRecord<>(input, id, event));
    }

    public void sendRaw(String key, byte[] value) {
        raw.send(new ProducerRecord<>(input, key, value));
    }

    public void flush() {
        events.flush();
        raw.flush();
    }

    /**
     * Publishes a version's state on the compacted topic, keyed by name and version, with its folder in the model
     * store (relative to the store root) as the artifact location.
     */
    public void publish(long version, ModelStatus status, String sha256) {
        publish(version, status, sha256, MODEL + "/" + version);
    }

    /** Publishes a version's state with the given artifact location, trusted or not. */
    public void publish(long version, ModelStatus status, String sha256, String artifactUri) {
        ModelVersion record = ModelVersion.newBuilder()
                .setModelName(MODEL)
                .setVersion(version)
                .setStatus(status)
                .setArtifactUri(artifactUri)
                .setSha256(sha256)
                .setLabels(List.of("negative", "positive"))
                .setMetrics(Map.of("accuracy", 0.9))
                .setTrainingSetSize(100)
                .setCreatedTime(Instant.now())
                .build();
        versions.send(new ProducerRecord<>(modelVersions, MODEL + "/" + version, record));
        versions.flush();
    }

    /** Writes a correction with its text to the training set, as the trainer's feedback ingestion does. */
    public void correct(String eventId, String text, String label, Instant correctedTime) {
        LabelCorrection correction = LabelCorrection.newBuilder()
                .setEventId(eventId)
                .setLabel(label)
                .setText(text)
                .setAnnotator("it")
                .setCorrectedTime(correctedTime)
                .build();
        corrections.send(new ProducerRecord<>(trainingSet, eventId, correction));
        corrections.flush();
    }

    /** A read_committed consumer of the classifications, from the beginning. */
    public KafkaConsumer<String, Classification> classifications() {
        ConfluentAvroDeserializer<Classification> values = new ConfluentAvroDeserializer<>(Classification.class);
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl()), false);
        KafkaConsumer<String, Classification> consumer =
                new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), values);
        consumer.subscribe(List.of(output));
        return consumer;
    }

    /** A read_committed consumer of the dead letters, from the beginning. */
    public KafkaConsumer<String, byte[]> deadLetters() {
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(deadLetters));
        return consumer;
    }

    /** Polls until at least {@code count} records were read (or the time is up), and returns them all. */
    public static <V> List<ConsumerRecord<String, V>> readAtLeast(
            KafkaConsumer<String, V> consumer, int count, Duration timeout) {
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        await().atMost(timeout).pollInterval(Duration.ofMillis(10)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return records.size() >= count;
        });
        return records;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = stack.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
        return config;
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = stack.clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }

    private <T extends SpecificRecord> ConfluentAvroSerializer<T> serializer() {
        ConfluentAvroSerializer<T> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(
                Map.of(
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                        stack.schemaRegistryUrl(),
                        AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
                        true),
                false);
        return serializer;
    }

    public String input() {
        return input;
    }

    @Override
    public void close() {
        events.close();
        raw.close();
        versions.close();
        corrections.close();
    }
}
