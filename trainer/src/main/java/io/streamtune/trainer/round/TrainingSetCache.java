package io.streamtune.trainer.round;

import io.streamtune.schemas.LabelCorrection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training set in memory, rebuilt from the compacted {@code training-set} topic. What the last published round
 * consumed is the consumer group's committed offset (committed in the same transaction as the version): examples
 * before it are earlier data, examples at or after it are new corrections. Nothing lives only on local disk.
 */
public final class TrainingSetCache {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingSetCache.class);

    private final Consumer<String, LabelCorrection> consumer;
    private final Map<String, Entry> byEventId = new HashMap<>();
    private final Map<TopicPartition, Long> trained = new HashMap<>();

    private record Entry(Example example, TopicPartition partition, long offset) {}

    /**
     * Assigns every partition of the training set, reads the committed offsets and rewinds to the beginning.
     *
     * @param consumer a read_committed consumer with the round group id and auto-commit off
     */
    public TrainingSetCache(Consumer<String, LabelCorrection> consumer, String topic, Duration timeout) {
        this.consumer = consumer;
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions), timeout);
        partitions.forEach(partition -> {
            OffsetAndMetadata offset = committed.get(partition);
            trained.put(partition, offset == null ? 0L : offset.offset());
        });
        consumer.seekToBeginning(partitions);
        LOG.info("Training set consumed up to {}", trained);
    }

    /** Reads what arrived; call it often from the round thread. */
    public void poll(Duration timeout) {
        for (ConsumerRecord<String, LabelCorrection> record : consumer.poll(timeout)) {
            LabelCorrection value = record.value();
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (value == null) {
                byEventId.remove(record.key());
            } else if (value.getText() == null) {
                LOG.warn(
                        "Skipping training example {} without text at {}@{}", record.key(), partition, record.offset());
            } else {
                Example example = Example.of(value);
                byEventId.put(value.getEventId(), new Entry(example, partition, record.offset()));
            }
        }
    }

    /**
     * How many examples to train on arrived after the last published round: audits are not counted, as a round never
     * trains on them (they wait in the snapshot for the audit holdout).
     */
    public int freshCount() {
        return (int) byEventId.values().stream()
                .filter(entry -> isFresh(entry) && !entry.example().isAudit())
                .count();
    }

    /** Every example, split into earlier and fresh, with the offsets to commit when a round on it is published. */
    public Snapshot snapshot() {
        List<Example> earlier = new ArrayList<>();
        List<Example> fresh = new ArrayList<>();
        byEventId.values().forEach(entry -> (isFresh(entry) ? fresh : earlier).add(entry.example()));
        Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
        consumer.assignment()
                .forEach(partition -> positions.put(partition, new OffsetAndMetadata(consumer.position(partition))));
        return new Snapshot(earlier, fresh, positions, consumer.groupMetadata());
    }

    /** Records that a round on this snapshot was published (its offsets were committed with the version). */
    public void markTrained(Snapshot snapshot) {
        snapshot.positions().forEach((partition, offset) -> trained.put(partition, offset.offset()));
    }

    private boolean isFresh(Entry entry) {
        return entry.offset() >= trained.getOrDefault(entry.partition(), 0L);
    }

    /**
     * The training set at one moment.
     *
     * @param earlier examples trained on by earlier rounds (or bootstrap)
     * @param fresh examples new since the last published round
     * @param positions the offsets to commit with the round's version
     * @param group the consumer group those offsets belong to
     */
    public record Snapshot(
            List<Example> earlier,
            List<Example> fresh,
            Map<TopicPartition, OffsetAndMetadata> positions,
            ConsumerGroupMetadata group) {

        public Snapshot {
            earlier = List.copyOf(earlier);
            fresh = List.copyOf(fresh);
            positions = Map.copyOf(positions);
        }
    }
}
