package io.streamtune.classifier.it;

import static org.awaitility.Awaitility.await;

import io.streamtune.schemas.Classification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Every classification a read_committed consumer saw, by event id: how many times each event was classified, by
 * which version, on which partition and when.
 */
final class ClassificationLedger {

    /** One classification of an event. */
    record Entry(int partition, long version, long classifiedAt) {}

    private final Map<String, List<Entry>> byEvent = new HashMap<>();

    /** Reads what is there now (one poll); returns the number of distinct events classified so far. */
    int read(KafkaConsumer<String, Classification> consumer) {
        for (ConsumerRecord<String, Classification> record : consumer.poll(Duration.ofMillis(200))) {
            Classification value = record.value();
            byEvent.computeIfAbsent(record.key(), key -> new ArrayList<>())
                    .add(new Entry(
                            record.partition(),
                            value.getModelVersion(),
                            value.getClassifiedTime().toEpochMilli()));
        }
        return byEvent.size();
    }

    /** Reads up to the end offsets of the moment (for read_committed: the last stable offsets). */
    void readToTheEnd(KafkaConsumer<String, Classification> consumer) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            read(consumer);
            return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        });
    }

    int distinct() {
        return byEvent.size();
    }

    /** Events {@code e-0 .. e-(events-1)} without a classification. */
    long lost(int events) {
        long lost = 0;
        for (int i = 0; i < events; i++) {
            if (!byEvent.containsKey("e-" + i)) {
                lost++;
            }
        }
        return lost;
    }

    /** Events classified more than once. */
    long duplicated() {
        return byEvent.values().stream().filter(entries -> entries.size() > 1).count();
    }

    /** Keys that are none of the events sent. */
    List<String> unexpected(int events) {
        return byEvent.keySet().stream()
                .filter(key -> !key.matches("e-\\d+") || Long.parseLong(key.substring(2)) >= events)
                .sorted()
                .toList();
    }

    /** The versions that classified events {@code e-from .. e-(to-1)}, with counts. */
    Map<Long, Long> versionsOf(int from, int to) {
        Map<Long, Long> versions = new TreeMap<>();
        for (int i = from; i < to; i++) {
            for (Entry entry : byEvent.getOrDefault("e-" + i, List.of())) {
                versions.merge(entry.version(), 1L, Long::sum);
            }
        }
        return versions;
    }

    /** Classifications by this version made after this time. */
    long classifiedByAfter(long version, long after) {
        return entries().stream()
                .filter(entry -> entry.version() == version && entry.classifiedAt() > after)
                .count();
    }

    /** Classifications per version. */
    Map<Long, Long> byVersion() {
        Map<Long, Long> versions = new TreeMap<>();
        entries().forEach(entry -> versions.merge(entry.version(), 1L, Long::sum));
        return versions;
    }

    /** Classifications per instance and version, attributed by which instance ran the partition's task. */
    Map<String, Map<Long, Long>> byInstanceAndVersion(InstanceMonitor monitor) {
        Map<String, Map<Long, Long>> counts = new TreeMap<>();
        for (Entry entry : entries()) {
            String instance =
                    monitor.owner(entry.partition(), entry.classifiedAt()).orElse("unattributed");
            counts.computeIfAbsent(instance, name -> new TreeMap<>()).merge(entry.version(), 1L, Long::sum);
        }
        return counts;
    }

    private List<Entry> entries() {
        return byEvent.values().stream().flatMap(List::stream).toList();
    }
}
