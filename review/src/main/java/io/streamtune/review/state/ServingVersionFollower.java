package io.streamtune.review.state;

import io.streamtune.schemas.versions.ModelVersionHistory;
import io.streamtune.schemas.versions.ModelVersionsReader;
import io.streamtune.schemas.versions.ServedVersion;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Follows model-versions with the one reader of it, and reports the version in service of the model. */
final class ServingVersionFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServingVersionFollower.class);

    private final ModelVersionsReader reader;
    private final String modelName;
    private final LongConsumer serving;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long current;

    ServingVersionFollower(ModelVersionsReader reader, String modelName, LongConsumer serving) {
        this.reader = reader;
        this.modelName = modelName;
        this.serving = serving;
        this.thread = new Thread(this::run, "streamtune-review-model-versions");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The version in service, 0 before one is known. */
    long current() {
        return current;
    }

    private void run() {
        try {
            reader.assignFromBeginning(Duration.ofSeconds(30));
            report(reader.readToEnd(Duration.ofSeconds(60)));
            while (running) {
                if (!reader.poll(Duration.ofMillis(500)).isEmpty()) {
                    report(reader.history());
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("Stopped following the model versions: {}", e.toString(), e);
        } finally {
            reader.close();
        }
    }

    private void report(ModelVersionHistory history) {
        history.toServe(modelName, OptionalLong.empty())
                .map(ServedVersion::version)
                .ifPresent(version -> {
                    if (version != current) {
                        current = version;
                        serving.accept(version);
                    }
                });
    }

    @Override
    public void close() {
        running = false;
        reader.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
