package io.streamtune.cli.it;

import io.streamtune.schemas.Classification;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.serde.AvroSerdeConfig;
import io.streamtune.schemas.serde.ConfluentAvroDeserializer;
import io.streamtune.schemas.serde.ConfluentAvroSerializer;
import io.streamtune.testsupport.KafkaStack;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A classifier working through a backlog: it answers each text of a topic with a classification ("pos"), one every
 * {@code pause}, so the answers keep coming long after the last text was sent.
 */
final class SlowClassifier implements AutoCloseable {

    private final KafkaStack stack;
    private final String events;
    private final String classifications;
    private final Duration pause;
    private final Thread thread;
    private volatile boolean running = true;

    SlowClassifier(KafkaStack stack, String events, String classifications, Duration pause) {
        this.stack = stack;
        this.events = events;
        this.classifications = classifications;
        this.pause = pause;
        this.thread = new Thread(this::run, "slow-classifier");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        Map<String, Object> serde = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
        ConfluentAvroDeserializer<TextEvent> in = new ConfluentAvroDeserializer<>(TextEvent.class);
        in.configure(serde, false);
        ConfluentAvroSerializer<Classification> out = new ConfluentAvroSerializer<>();
        out.configure(
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(), "auto.register.schemas", true),
                false);
        Map<String, Object> config = stack.clientConfig();
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, TextEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(), in);
                KafkaProducer<String, Classification> producer =
                        new KafkaProducer<>(stack.clientConfig(), new StringSerializer(), out)) {
            consumer.assign(java.util.List.of(new TopicPartition(events, 0)));
            consumer.seekToBeginning(consumer.assignment());
            while (running) {
                for (ConsumerRecord<String, TextEvent> record : consumer.poll(Duration.ofMillis(100))) {
                    Thread.sleep(pause.toMillis());
                    TextEvent event = record.value();
                    producer.send(new ProducerRecord<>(classifications, event.getId(), classification(event)));
                    producer.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Classification classification(TextEvent event) {
        return Classification.newBuilder()
                .setEventId(event.getId())
                .setText(event.getText())
                .setLabel("pos")
                .setConfidence(0.9)
                .setScores(Map.of("pos", 0.9, "neg", 0.1))
                .setModelName("sentiment")
                .setModelVersion(1L)
                .setTruncated(false)
                .setEventTime(event.getEventTime())
                .setClassifiedTime(Instant.now())
                .setInferenceMillis(1L)
                .setQueueMillis(1L)
                .setBatchSize(1)
                .build();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
