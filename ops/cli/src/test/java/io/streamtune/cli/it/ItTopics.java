package io.streamtune.cli.it;

import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.serde.AvroSerdeConfig;
import io.streamtune.schemas.serde.ConfluentAvroDeserializer;
import io.streamtune.schemas.serde.ConfluentAvroSerializer;
import io.streamtune.schemas.versions.ModelVersionHistory;
import io.streamtune.testsupport.KafkaStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Topics, records and command lines of the CLI's integration tests, with clients independent of the CLI's own. */
final class ItTopics {

    private final KafkaStack stack;

    ItTopics(KafkaStack stack) {
        this.stack = stack;
    }

    /** The arguments of a command run against the test stack. */
    String[] command(String... args) {
        return Stream.concat(
                        Stream.of(args),
                        Stream.of("-b", stack.bootstrapServers(), "--schema-registry", stack.schemaRegistryUrl()))
                .toArray(String[]::new);
    }

    /** A new compacted topic, as model-versions is. */
    String compacted(String prefix) {
        return stack.uniqueCompactedTopic(prefix);
    }

    /** Every committed record of a topic, read to its current end. */
    <T extends SpecificRecord> List<ConsumerRecord<String, T>> readAll(String topic, Class<T> type) {
        ConfluentAvroDeserializer<T> values = new ConfluentAvroDeserializer<>(type);
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl()), false);
        Map<String, Object> config = stack.clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, T>> records = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The versions on a model-versions topic under the shared in-service rule. */
    ModelVersionHistory history(String topic) {
        ModelVersionHistory history = new ModelVersionHistory();
        readAll(topic, ModelVersion.class)
                .forEach(record -> history.accept(record.value(), record.timestamp(), record.offset()));
        return history;
    }

    /** Writes records, keyed as given, and waits for each. */
    <T extends SpecificRecord> void write(String topic, Map<String, T> records) throws Exception {
        ConfluentAvroSerializer<T> values = new ConfluentAvroSerializer<>();
        values.configure(
                Map.of(
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                        stack.schemaRegistryUrl(),
                        AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
                        true),
                false);
        try (KafkaProducer<String, T> producer =
                new KafkaProducer<>(stack.clientConfig(), new StringSerializer(), values)) {
            for (Map.Entry<String, T> record : records.entrySet()) {
                producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue()))
                        .get();
            }
        }
    }

    /** Writes one version record the way the trainer does (key {@code <model>:<version>}). */
    void publish(String topic, String model, long version, ModelStatus status, String artifactUri, List<String> labels)
            throws Exception {
        ModelVersion record = ModelVersion.newBuilder()
                .setModelName(model)
                .setVersion(version)
                .setStatus(status)
                .setArtifactUri(artifactUri)
                .setSha256(Long.toHexString(version).repeat(64).substring(0, 64))
                .setLabels(labels)
                .setMetrics(Map.of("accuracy", 0.8 + version / 100.0, "macroF1", 0.75))
                .setTrainingSetSize(100 * version)
                .setCreatedTime(Instant.now())
                .build();
        write(topic, Map.of(model + ":" + version, record));
    }
}
