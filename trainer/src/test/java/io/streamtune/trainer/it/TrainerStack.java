package io.streamtune.trainer.it;

import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.serde.ConfluentAvroDeserializer;
import io.streamtune.schemas.serde.ConfluentAvroSerializer;
import io.streamtune.testsupport.KafkaStack;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.round.Example;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Unique topics, a trainer configuration on them, and clients to feed and read them, on the shared stack. */
final class TrainerStack {

    final KafkaStack stack;
    final String corrections;
    final String classifications;
    final String trainingSet;
    final String modelVersions;
    final String deadLetters;
    final String modelName;

    TrainerStack(KafkaStack stack) {
        this.stack = stack;
        this.corrections = stack.uniqueTopic("label-corrections");
        this.classifications = stack.uniqueTopic("classifications");
        this.trainingSet = stack.uniqueTopic("training-set");
        this.modelVersions = stack.uniqueTopic("model-versions");
        this.deadLetters = stack.uniqueTopic("label-corrections-dlq");
        this.modelName = "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Settings of a trainer on these topics; the caller may add or override keys. */
    Map<String, Object> settings(Path storeRoot) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(TrainerConfig.MODEL_NAME, modelName);
        settings.put(TrainerConfig.MODEL_LABELS, "neg,pos");
        settings.put(TrainerConfig.MODEL_STORE_ROOT, storeRoot.toString());
        settings.put(TrainerConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
        settings.put("kafka.bootstrap.servers", stack.bootstrapServers());
        settings.put("kafka.auto.register.schemas", "true");
        settings.put("kafka.commit.interval.ms", "100");
        settings.put(
                "kafka.state.dir",
                storeRoot.resolveSibling(storeRoot.getFileName() + "-state").toString());
        settings.put(TrainerConfig.APPLICATION_ID, "trainer-it-" + modelName);
        settings.put(TrainerConfig.TOPIC_LABEL_CORRECTIONS, corrections);
        settings.put(TrainerConfig.TOPIC_CLASSIFICATIONS, classifications);
        settings.put(TrainerConfig.TOPIC_TRAINING_SET, trainingSet);
        settings.put(TrainerConfig.TOPIC_MODEL_VERSIONS, modelVersions);
        settings.put(TrainerConfig.TOPIC_DEAD_LETTERS, deadLetters);
        return settings;
    }

    KafkaProducer<String, SpecificRecord> avroProducer() {
        Map<String, Object> config = stack.clientConfig();
        config.put("auto.register.schemas", true);
        ConfluentAvroSerializer<SpecificRecord> values = new ConfluentAvroSerializer<>();
        values.configure(config, false);
        return new KafkaProducer<>(config, new StringSerializer(), values);
    }

    /** Sends {@code count} corrections to {@code pos}, with event ids {@code prefix0}, {@code prefix1}, ... */
    List<String> sendCorrections(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, SpecificRecord> producer = avroProducer()) {
            for (int i = 0; i < count; i++) {
                String id = prefix + i;
                producer.send(new ProducerRecord<>(
                        corrections, id, FeedbackIngestionIT.correction(id, "pos", "quokka " + i)));
                ids.add(id);
            }
            producer.flush();
        }
        return ids;
    }

    /** 40 positive and 40 negative examples for the first version (event ids p0.., n0..). */
    static List<Example> bootstrapExamples() {
        List<Example> examples = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> examples.add(new Example("p" + i, "great lovely film " + i, "pos")));
        IntStream.range(0, 40).forEach(i -> examples.add(new Example("n" + i, "awful boring film " + i, "neg")));
        return examples;
    }

    KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(stack.clientConfig(), new StringSerializer(), new ByteArraySerializer());
    }

    KafkaConsumer<String, LabelCorrection> trainingSetConsumer() {
        ConfluentAvroDeserializer<LabelCorrection> values = new ConfluentAvroDeserializer<>(LabelCorrection.class);
        values.configure(stack.clientConfig(), false);
        KafkaConsumer<String, LabelCorrection> consumer =
                new KafkaConsumer<>(readCommitted(), new StringDeserializer(), values);
        consumer.subscribe(List.of(trainingSet));
        return consumer;
    }

    KafkaConsumer<String, ModelVersion> versionsConsumer() {
        ConfluentAvroDeserializer<ModelVersion> values = new ConfluentAvroDeserializer<>(ModelVersion.class);
        values.configure(stack.clientConfig(), false);
        KafkaConsumer<String, ModelVersion> consumer =
                new KafkaConsumer<>(readCommitted(), new StringDeserializer(), values);
        consumer.subscribe(List.of(modelVersions));
        return consumer;
    }

    KafkaConsumer<byte[], byte[]> deadLetterConsumer() {
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(readCommitted(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(deadLetters));
        return consumer;
    }

    /** A read_uncommitted consumer of model versions, to see records of transactions that never committed. */
    KafkaConsumer<String, ModelVersion> uncommittedVersionsConsumer() {
        ConfluentAvroDeserializer<ModelVersion> values = new ConfluentAvroDeserializer<>(ModelVersion.class);
        values.configure(stack.clientConfig(), false);
        Map<String, Object> config = readCommitted();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        return new KafkaConsumer<>(config, new StringDeserializer(), values);
    }

    /** How many times each key is in the training set, read (read_committed) up to its current end. */
    Map<String, Long> trainingSetCountsByKey() {
        Map<String, Long> counts = new HashMap<>();
        try (KafkaConsumer<String, LabelCorrection> consumer = trainingSetConsumer()) {
            consumer.unsubscribe();
            readToEnd(consumer, trainingSet).forEach(record -> counts.merge(record.key(), 1L, Long::sum));
        }
        return counts;
    }

    /** Every record of a topic up to its end (the last stable offset for read_committed consumers). */
    static <K, V> List<ConsumerRecord<K, V>> readToEnd(KafkaConsumer<K, V> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(60);
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("could not read " + topic + " to its end");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    private Map<String, Object> readCommitted() {
        Map<String, Object> config = stack.clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    /** Polls once and adds what arrived. */
    static <K, V> void drain(KafkaConsumer<K, V> consumer, List<ConsumerRecord<K, V>> into) {
        consumer.poll(Duration.ofMillis(200)).forEach(into::add);
    }

    static <K, V> List<ConsumerRecord<K, V>> newList() {
        return new ArrayList<>();
    }
}
