package io.streamtune.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The broker supports what exactly-once Kafka Streams needs: transactions and read_committed. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ExactlyOnceIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    @Test
    void shouldShowCommittedTransactionalRecordsAndHideAbortedOnesToReadCommittedConsumers() {
        String topic = STACK.uniqueTopic("transactions");

        try (KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k1", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k1", "committed-1"));
            producer.send(new ProducerRecord<>(topic, "k2", "committed-2"));
            producer.commitTransaction();
        }

        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = readCommittedConsumer()) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> seen.add(valueOf(record)));
                assertThat(seen).containsExactly("committed-1", "committed-2");
            });
        }
    }

    private static KafkaProducer<String, String> transactionalProducer() {
        Map<String, Object> config = STACK.clientConfig();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "eos-probe-" + UUID.randomUUID());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> readCommittedConsumer() {
        Map<String, Object> config = STACK.clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "eos-probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static String valueOf(ConsumerRecord<String, String> record) {
        return record.value();
    }
}
