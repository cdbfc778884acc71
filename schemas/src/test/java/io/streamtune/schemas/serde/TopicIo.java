package io.streamtune.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Test helper: writes keyed records to a one-partition topic and reads them back from the beginning. */
final class TopicIo {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private TopicIo() {}

    /** Sends the values in order, keyed by the given keys, and waits until the broker has them. */
    static <T> void send(
            Map<String, Object> clientConfig,
            String topic,
            Serializer<T> serializer,
            List<String> keys,
            List<T> values) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, T> producer = new KafkaProducer<>(config, new StringSerializer(), serializer)) {
            for (int i = 0; i < values.size(); i++) {
                producer.send(new ProducerRecord<>(topic, keys.get(i), values.get(i)));
            }
            producer.flush();
        }
    }

    /** Reads partition 0 of the topic from the beginning until {@code count} records arrived. */
    static <T> List<ConsumerRecord<String, T>> read(
            Map<String, Object> clientConfig, String topic, Deserializer<T> deserializer, int count) {
        List<ConsumerRecord<String, T>> received = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = consumer(clientConfig, topic, deserializer)) {
            await().atMost(READ_TIMEOUT).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                assertThat(received).hasSizeGreaterThanOrEqualTo(count);
            });
        }
        return received;
    }

    /** A consumer assigned to partition 0 of the topic, at its beginning. */
    static <T> KafkaConsumer<String, T> consumer(
            Map<String, Object> clientConfig, String topic, Deserializer<T> deserializer) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, T> consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer);
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        return consumer;
    }
}
