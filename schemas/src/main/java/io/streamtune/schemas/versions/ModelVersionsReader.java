package io.streamtune.schemas.versions;

import io.streamtune.schemas.ModelVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one reader of the compacted {@code model-versions} topic: it assigns every partition to a group-less consumer
 * (read_committed, as its owner configures it), reads from the beginning, and folds every record into a {@link
 * ModelVersionHistory}. {@link #readToEnd} reads up to the topic's current end (a one-shot read); {@link #poll}
 * reads what came since and follows the topic (a watcher thread calls it in a loop). Not thread-safe, like its
 * consumer, except {@link #wakeup()}. Closing it closes the consumer.
 */
public final class ModelVersionsReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelVersionsReader.class);
    private static final Duration END_POLL = Duration.ofMillis(200);

    /** What to do with a record whose value cannot be read; the reader then goes on after it. */
    @FunctionalInterface
    public interface UnreadableRecords {

        /** Logs a warning and skips the record. */
        UnreadableRecords LOG_AND_SKIP = e -> log.warn(
                "{}-{}@{}: skipping an unreadable model version record",
                e.topicPartition().topic(),
                e.topicPartition().partition(),
                e.offset(),
                e);

        /** Stops the read: the exception propagates. */
        UnreadableRecords FAIL = e -> {
            throw e;
        };

        void skipping(RecordDeserializationException e);
    }

    private final Consumer<?, ModelVersion> consumer;
    private final String topic;
    private final UnreadableRecords unreadable;
    private final ModelVersionHistory history = new ModelVersionHistory();

    /**
     * A reader; it does nothing until {@link #assignFromBeginning} is called.
     *
     * @param consumer a group-less consumer of {@link ModelVersion} values; the reader assigns it
     */
    public ModelVersionsReader(Consumer<?, ModelVersion> consumer, String topic, UnreadableRecords unreadable) {
        this.consumer = consumer;
        this.topic = topic;
        this.unreadable = unreadable;
    }

    /**
     * Assigns every partition of the topic and seeks to their beginnings.
     *
     * @param timeout how long to wait for the topic's metadata
     * @return the partitions; empty when the topic does not exist
     * @throws TimeoutException when the cluster does not answer in time
     */
    public List<TopicPartition> assignFromBeginning(Duration timeout) {
        return assign(consumer.partitionsFor(topic, timeout));
    }

    /** As {@link #assignFromBeginning(Duration)}, within the consumer's {@code default.api.timeout.ms}. */
    public List<TopicPartition> assignFromBeginning() {
        return assign(consumer.partitionsFor(topic));
    }

    private List<TopicPartition> assign(List<PartitionInfo> infos) {
        List<TopicPartition> partitions = infos.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    /**
     * Reads the assigned partitions up to their current end offsets (the last stable offsets for read_committed).
     *
     * @return the history read so far, which later polls keep updating
     * @throws TimeoutException when the end is not reached in time
     */
    public ModelVersionHistory readToEnd(Duration timeout) {
        Set<TopicPartition> partitions = consumer.assignment();
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        Instant deadline = Instant.now().plus(timeout);
        while (!reached(end)) {
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException("could not read " + topic + " to its end in " + timeout);
            }
            poll(END_POLL);
        }
        return history;
    }

    /**
     * Polls once and takes the records into the history.
     *
     * @return the readable records of this poll, in the order read (tombstones left out)
     */
    public List<VersionState> poll(Duration timeout) {
        List<VersionState> read = new ArrayList<>();
        try {
            for (ConsumerRecord<?, ModelVersion> record : consumer.poll(timeout)) {
                history.accept(record.value(), record.timestamp(), record.offset());
                if (record.value() != null) {
                    read.add(new VersionState(record.value(), record.timestamp(), record.offset()));
                }
            }
        } catch (RecordDeserializationException e) {
            unreadable.skipping(e);
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
        return read;
    }

    /** Every record read so far, as the history of every version. */
    public ModelVersionHistory history() {
        return history;
    }

    /** The end offsets of the assigned partitions now (watchers log them as where the topic stood). */
    public Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(consumer.assignment());
    }

    /** Interrupts a blocking {@link #poll} from another thread, which then throws a {@code WakeupException}. */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }
}
