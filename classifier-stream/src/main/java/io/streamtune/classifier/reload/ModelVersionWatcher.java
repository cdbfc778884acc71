package io.streamtune.classifier.reload;

import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.versions.ModelVersionHistory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the whole compacted model-versions topic from the beginning, without a consumer group, and keeps reading;
 * after each poll it brings the served model to the version to serve ({@link ModelVersionHistory#toServe}: the pinned
 * one, else the one in service) through the {@link ModelReloader}. Runs on its own thread; {@link #close()} stops it. An unreadable record is logged and skipped.
 */
public final class ModelVersionWatcher implements Runnable, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelVersionWatcher.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Consumer<byte[], ModelVersion> consumer;
    private final String topic;
    private final String modelName;
    private final OptionalLong pinned;
    private final ModelVersionHistory history = new ModelVersionHistory();
    private final ModelReloader reloader;
    private final CountDownLatch firstModel = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;

    public ModelVersionWatcher(
            Consumer<byte[], ModelVersion> consumer,
            String topic,
            String modelName,
            OptionalLong pinned,
            ModelReloader reloader) {
        this.consumer = consumer;
        this.topic = topic;
        this.modelName = modelName;
        this.pinned = pinned;
        this.reloader = reloader;
    }

    @Override
    public void run() {
        try {
            assignAllPartitions();
            while (running) {
                pollOnce();
                Optional<ModelTarget> target =
                        history.toServe(modelName, pinned).map(ModelTarget::of);
                if (target.isPresent() && reloader.reconcile(target.get())) {
                    firstModel.countDown();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("model-versions watcher on {} stopped", topic, e);
            throw e;
        } finally {
            consumer.close();
            stopped.countDown();
        }
    }

    /** Waits until a first model is served; false on time-out. */
    public boolean awaitFirstModel(Duration timeout) throws InterruptedException {
        return firstModel.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
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

    private void assignAllPartitions() {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        log.info("watching {} from the beginning, {} partitions, end offsets {}", topic, partitions.size(), ends);
    }

    private void pollOnce() {
        try {
            for (ConsumerRecord<byte[], ModelVersion> record : consumer.poll(POLL)) {
                history.accept(record.value(), record.timestamp(), record.offset());
            }
        } catch (RecordDeserializationException e) {
            log.warn(
                    "{}-{}@{}: skipping an unreadable model version record",
                    e.topicPartition().topic(),
                    e.topicPartition().partition(),
                    e.offset(),
                    e);
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
    }
}
