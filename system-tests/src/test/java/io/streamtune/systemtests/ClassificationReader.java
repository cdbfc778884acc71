package io.streamtune.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamtune.schemas.Classification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Collects every classification read from the topic, by event id, keeping repeats so tests can count them. */
final class ClassificationReader implements AutoCloseable {

    private final KafkaConsumer<String, Classification> consumer;
    private final Map<String, List<Classification>> byEvent = new HashMap<>();

    ClassificationReader(KafkaConsumer<String, Classification> consumer) {
        this.consumer = consumer;
    }

    /** Polls until every one of the ids has a classification, and returns the first one of each. */
    Map<String, Classification> awaitAll(Collection<String> ids, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            poll();
            assertThat(byEvent.keySet()).containsAll(ids);
        });
        Map<String, Classification> first = new HashMap<>();
        ids.forEach(id -> first.put(id, byEvent.get(id).get(0)));
        return first;
    }

    /** Reads what arrived. */
    void poll() {
        for (ConsumerRecord<String, Classification> record : consumer.poll(Duration.ofMillis(200))) {
            byEvent.computeIfAbsent(record.key(), id -> new ArrayList<>()).add(record.value());
        }
    }

    /** Every classification read so far, by event id. */
    Map<String, List<Classification>> all() {
        return byEvent;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
