package io.streamtune.review.it;

import io.streamtune.review.ReviewApp;
import io.streamtune.review.config.ReviewConfig;
import io.streamtune.review.web.Role;
import io.streamtune.review.web.UsersFile;
import io.streamtune.runtime.config.SharedKeys;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.LabelSource;
import io.streamtune.schemas.serde.AvroSerdeConfig;
import io.streamtune.schemas.serde.ConfluentAvroDeserializer;
import io.streamtune.schemas.serde.ConfluentAvroSerializer;
import io.streamtune.testsupport.KafkaStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Topics, users and settings of one workbench test on the real broker and registry. */
final class ReviewFixture {

    static final String PASSWORD = "correct horse battery";
    static final List<String> LABELS = List.of("neg", "pos");

    final KafkaStack stack;
    final String classifications;
    final String corrections;
    final String versions;
    final String leases;
    final String group = "review-it-" + UUID.randomUUID();
    final Path usersFile;
    final Map<String, String> overrides = new HashMap<>();

    ReviewFixture(KafkaStack stack, Path folder, int partitions) throws IOException {
        this.stack = stack;
        this.classifications = stack.uniqueTopic("classifications", partitions);
        this.corrections = stack.uniqueTopic("label-corrections", partitions);
        this.versions = stack.uniqueCompactedTopic("model-versions");
        this.leases = stack.uniqueCompactedTopic("review-leases");
        this.usersFile = folder.resolve("users");
        Files.write(
                usersFile,
                List.of(
                        "# annotators of the test",
                        UsersFile.line("alice", Role.ANNOTATOR, PASSWORD),
                        UsersFile.line("bob", Role.ANNOTATOR, PASSWORD),
                        UsersFile.line("rita", Role.REVIEWER, PASSWORD)));
    }

    /** Adds annotators {@code annotator-0} ... {@code annotator-(n-1)}, with the same password. */
    void addAnnotators(int n) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(usersFile));
        for (int i = 0; i < n; i++) {
            lines.add(UsersFile.line("annotator-" + i, Role.ANNOTATOR, PASSWORD));
        }
        Files.write(usersFile, lines);
    }

    Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put(SharedKeys.KAFKA_BOOTSTRAP_SERVERS, stack.bootstrapServers());
        settings.put(SharedKeys.REGISTRY_URL, stack.schemaRegistryUrl());
        settings.put("registry." + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "true");
        settings.put(SharedKeys.MODEL_NAME, "sentiment");
        settings.put(SharedKeys.TOPIC_CLASSIFICATIONS, classifications);
        settings.put(SharedKeys.TOPIC_LABEL_CORRECTIONS, corrections);
        settings.put(SharedKeys.TOPIC_MODEL_VERSIONS, versions);
        settings.put(ReviewConfig.TOPIC_LEASES, leases);
        settings.put(ReviewConfig.GROUP_ID, group);
        settings.put(ReviewConfig.USERS_FILE, usersFile.toString());
        settings.put(ReviewConfig.SESSION_SECRET, "a test secret that is long enough to sign cookies");
        settings.put(ReviewConfig.HTTP_PORT, "0");
        settings.put(ReviewConfig.AUDIT_RATE, "0");
        settings.put(ReviewConfig.UNDO_SECONDS, "1");
        settings.putAll(overrides);
        return settings;
    }

    ReviewApp start() {
        return ReviewApp.start(new ReviewConfig(settings()), Clock.systemUTC());
    }

    /**
     * Classifications {@code e-0} ... {@code e-(n-1)} by version 1; the score of "pos" of event i is
     * {@code 0.5 + i / (2n)}, so e-0 is the least certain and the uncertain lane gives them in order.
     */
    List<String> classify(int n) {
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, Classification> producer = producer()) {
            for (int i = 0; i < n; i++) {
                double pos = 0.5 + (i + 0.5) / (2.0 * n);
                String id = "e-" + i;
                producer.send(new ProducerRecord<>(classifications, id, classification(id, "text number " + i, pos)));
                ids.add(id);
            }
        }
        return ids;
    }

    void classify(String id, String text, double pos) {
        try (KafkaProducer<String, Classification> producer = producer()) {
            producer.send(new ProducerRecord<>(classifications, id, classification(id, text, pos)));
        }
    }

    private KafkaProducer<String, Classification> producer() {
        ConfluentAvroSerializer<Classification> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(serde(), false);
        return new KafkaProducer<>(stack.clientConfig(), new StringSerializer(), serializer);
    }

    private Map<String, Object> serde() {
        return Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                stack.schemaRegistryUrl(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
                "true");
    }

    static Classification classification(String id, String text, double pos) {
        Instant now = Instant.now();
        return Classification.newBuilder()
                .setEventId(id)
                .setText(text)
                .setLabel(pos >= 0.5 ? "pos" : "neg")
                .setConfidence(Math.max(pos, 1 - pos))
                .setScores(Map.of("pos", pos, "neg", 1 - pos))
                .setModelName("sentiment")
                .setModelVersion(1)
                .setTruncated(false)
                .setEventTime(now)
                .setClassifiedTime(now)
                .setInferenceMillis(5)
                .setQueueMillis(1)
                .setBatchSize(1)
                .setLabelSource(LabelSource.MODEL)
                .build();
    }

    /** Every correction on the topic now. */
    List<LabelCorrection> corrections() {
        Map<String, Object> config = stack.clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        ConfluentAvroDeserializer<LabelCorrection> values = new ConfluentAvroDeserializer<>(LabelCorrection.class);
        values.configure(serde(), false);
        try (KafkaConsumer<String, LabelCorrection> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(corrections).stream()
                    .map(p -> new TopicPartition(corrections, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<LabelCorrection> read = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + corrections + " to its end");
                }
                for (ConsumerRecord<String, LabelCorrection> record : consumer.poll(Duration.ofMillis(200))) {
                    read.add(record.value());
                }
            }
            return read;
        }
    }
}
