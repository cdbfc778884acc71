package io.streamtune.systemtests.faults;

import io.streamtune.classifier.deadletter.DeadLetterHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the classifications and the dead letters (read_committed, from the beginning) in a background thread for the
 * whole test, through the faults, and records every outcome of every event by its sequence number: {@code
 * CLASSIFIED} or the dead letter's reason, and when the first outcome of each event arrived.
 */
final class OutcomeLog implements AutoCloseable {

    static final String CLASSIFIED = "CLASSIFIED";

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<Integer, List<String>> outcomes = new TreeMap<>();
    private final Map<Integer, Long> firstArrivalNanos = new TreeMap<>();
    private final List<String> unknown = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    OutcomeLog(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        // Assigned, not subscribed: a group with no committed offsets would rebalance after a broker restart
        // and read everything again from the beginning.
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(FaultTopics.CLASSIFICATIONS, FaultTopics.DEAD_LETTERS)) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::readUntilClosed, "fault-outcome-log");
    }

    OutcomeLog start() {
        thread.start();
        return this;
    }

    /** How many events have at least one outcome. */
    synchronized int eventsWithOutcome() {
        return outcomes.size();
    }

    /** Events 0..count-1 without any outcome. */
    synchronized List<Integer> lost(int count) {
        List<Integer> lost = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!outcomes.containsKey(i)) {
                lost.add(i);
            }
        }
        return lost;
    }

    /** Events with more than one outcome, and outcomes naming no event. */
    synchronized List<String> duplicatedOrUnknown() {
        List<String> problems = new ArrayList<>(unknown);
        outcomes.forEach((sequence, list) -> {
            if (list.size() > 1) {
                problems.add("event " + sequence + " has " + list.size() + " outcomes: " + list);
            }
        });
        return problems;
    }

    /** Outcome counts over all events (CLASSIFIED and each dead-letter reason). */
    synchronized Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        outcomes.values().forEach(list -> list.forEach(outcome -> counts.merge(outcome, 1, Integer::sum)));
        return counts;
    }

    /** How many outcomes are dead letters (any reason). */
    synchronized int deadLetters() {
        return (int) outcomes.values().stream()
                .flatMap(List::stream)
                .filter(outcome -> !CLASSIFIED.equals(outcome))
                .count();
    }

    /** The outcome of each event in a range, for the events that have one. */
    synchronized Map<Integer, List<String>> outcomesBetween(int from, int to) {
        Map<Integer, List<String>> range = new TreeMap<>();
        outcomes.forEach((sequence, list) -> {
            if (sequence >= from && sequence < to) {
                range.put(sequence, List.copyOf(list));
            }
        });
        return range;
    }

    /** When the first outcome of an event at or after {@code sequence} arrived, or -1. */
    synchronized long firstArrivalFrom(int sequence) {
        return firstArrivalNanos.entrySet().stream()
                .filter(e -> e.getKey() >= sequence)
                .mapToLong(Map.Entry::getValue)
                .min()
                .orElse(-1);
    }

    private void readUntilClosed() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    add(record);
                }
            }
        } catch (WakeupException e) {
            // closing
        }
    }

    private synchronized void add(ConsumerRecord<byte[], byte[]> record) {
        int sequence = EventStream.sequenceOf(record.headers());
        String outcome = FaultTopics.CLASSIFICATIONS.equals(record.topic())
                ? CLASSIFIED
                : String.valueOf(DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.REASON));
        if (sequence < 0) {
            unknown.add(outcome + " at " + record.topic() + "@" + record.partition() + ":" + record.offset()
                    + " has no sequence header");
            return;
        }
        outcomes.computeIfAbsent(sequence, s -> new ArrayList<>()).add(outcome);
        firstArrivalNanos.putIfAbsent(sequence, System.nanoTime());
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
    }
}
