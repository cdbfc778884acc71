package io.streamtune.classifier.memory;

import io.streamtune.schemas.LabelCorrection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the {@link CorrectionMemory} from the compacted training-set topic (the latest {@link LabelCorrection} with its
 * text per event id): reads every partition from the beginning, without a consumer group and {@code read_committed},
 * and keeps reading. A plain consumer on its own thread, not part of Kafka Streams: it commits nothing and writes
 * nothing, so the exactly-once transactions of the classification stream are untouched, and embedding a burst of
 * corrections never holds up a stream thread. A tombstone forgets its event; an unreadable record is logged and
 * skipped; a poll whose corrections cannot be embedded (no model yet) is tried again after a pause, and so is a topic
 * that does not exist yet.
 */
public final class TrainingSetFeeder implements Runnable, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrainingSetFeeder.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Consumer<String, LabelCorrection> consumer;
    private final String topic;
    private final CorrectionMemory memory;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;

    public TrainingSetFeeder(Consumer<String, LabelCorrection> consumer, String topic, CorrectionMemory memory) {
        this.consumer = consumer;
        this.topic = topic;
        this.memory = memory;
    }

    @Override
    public void run() {
        try {
            assignAllPartitions();
            while (running) {
                feed(pollOnce());
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("training-set feeder on {} stopped; the correction memory learns nothing new", topic, e);
            throw e;
        } finally {
            consumer.close();
            stopped.countDown();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            stopped.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void assignAllPartitions() throws InterruptedException {
        List<TopicPartition> partitions = List.of();
        while (running && partitions.isEmpty()) {
            partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                log.warn("correction memory: topic {} not found; looking again in {} s", topic, RETRY.toSeconds());
                Thread.sleep(RETRY.toMillis());
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        log.info("correction memory reads {} from the beginning, {} partitions", topic, partitions.size());
    }

    private ConsumerRecords<String, LabelCorrection> pollOnce() {
        try {
            return consumer.poll(POLL);
        } catch (RecordDeserializationException e) {
            log.warn(
                    "{}-{}@{}: skipping an unreadable training-set record",
                    e.topicPartition().topic(),
                    e.topicPartition().partition(),
                    e.offset(),
                    e);
            consumer.seek(e.topicPartition(), e.offset() + 1);
            return ConsumerRecords.empty();
        }
    }

    private void feed(ConsumerRecords<String, LabelCorrection> records) throws InterruptedException {
        if (records.isEmpty()) {
            return;
        }
        List<MemoryEntry> added = new ArrayList<>();
        Set<String> deleted = new HashSet<>();
        for (ConsumerRecord<String, LabelCorrection> record : records) {
            LabelCorrection correction = record.value();
            if (correction == null) {
                added.removeIf(entry -> entry.eventId().equals(record.key()));
                deleted.add(record.key());
            } else if (correction.getText() != null && !correction.getText().isBlank()) {
                deleted.remove(correction.getEventId());
                added.add(new MemoryEntry(
                        correction.getEventId(),
                        correction.getText(),
                        correction.getLabel(),
                        correction.getCorrectedTime().toEpochMilli()));
            }
        }
        while (running) {
            try {
                memory.remember(added, deleted);
                return;
            } catch (RuntimeException e) {
                log.warn(
                        "correction memory: cannot embed {} corrections yet, retrying in {} ms",
                        added.size(),
                        RETRY.toMillis(),
                        e);
                Thread.sleep(RETRY.toMillis());
            }
        }
    }
}
