package io.streamtune.classifier.reload;

import io.streamtune.schemas.versions.ModelVersionHistory;
import io.streamtune.schemas.versions.ModelVersionsReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the whole compacted model-versions topic from the beginning with the shared {@link ModelVersionsReader}
 * (no consumer group) and keeps reading; after each poll it brings the served model to the version to serve ({@link ModelVersionHistory#toServe}: the pinned
 * one, else the one in service) through the {@link ModelReloader}.
 * Runs on its own thread; {@link #close()} stops it. An unreadable record is logged and skipped.
 */
public final class ModelVersionWatcher implements Runnable, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelVersionWatcher.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final ModelVersionsReader reader;
    private final String topic;
    private final String modelName;
    private final OptionalLong pinned;
    private final ModelReloader reloader;
    private final CountDownLatch firstModel = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;

    public ModelVersionWatcher(
            ModelVersionsReader reader, String topic, String modelName, OptionalLong pinned, ModelReloader reloader) {
        this.reader = reader;
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
                reader.poll(POLL);
                Optional<ModelTarget> target =
                        reader.history().toServe(modelName, pinned).map(ModelTarget::of);
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
            reader.close();
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
        reader.wakeup();
        try {
            stopped.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void assignAllPartitions() {
        List<TopicPartition> partitions = reader.assignFromBeginning();
        log.info(
                "watching {} from the beginning, {} partitions, end offsets {}",
                topic,
                partitions.size(),
                reader.endOffsets());
    }
}
