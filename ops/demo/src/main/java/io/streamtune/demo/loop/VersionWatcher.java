package io.streamtune.demo.loop;

import io.streamtune.demo.report.VersionDecision;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.versions.ModelVersionsReader;
import io.streamtune.schemas.versions.VersionState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Follows {@code model-versions} (read_committed, from the beginning, with the shared {@link ModelVersionsReader};
 * an unreadable record is logged and skipped) and keeps the decision of each version of one
 * model: the latest PROMOTED or REJECTED record. Each new decision is also handed to a listener.
 */
public final class VersionWatcher implements Runnable {

    private static final Duration POLL = Duration.ofMillis(300);

    private final ModelVersionsReader reader;
    private final String modelName;
    private final Consumer<VersionDecision> listener;
    private final Map<Long, VersionDecision> decisions = new TreeMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);

    public VersionWatcher(
            KafkaConsumer<String, ModelVersion> consumer,
            String topic,
            String modelName,
            Consumer<VersionDecision> listener) {
        this.reader = new ModelVersionsReader(consumer, topic, ModelVersionsReader.UnreadableRecords.LOG_AND_SKIP);
        this.modelName = modelName;
        this.listener = listener;
        reader.assignFromBeginning(Duration.ofSeconds(30));
    }

    @Override
    public void run() {
        while (running.get()) {
            for (VersionState state : reader.poll(POLL)) {
                ModelVersion value = state.record();
                if (value.getModelName().equals(modelName) && value.getStatus() != ModelStatus.CANDIDATE) {
                    VersionDecision decision = VersionDecision.of(value);
                    synchronized (this) {
                        decisions.put(decision.version(), decision);
                    }
                    listener.accept(decision);
                }
            }
        }
    }

    public void stop() {
        running.set(false);
    }

    /** Every decision so far, by version. */
    public synchronized List<VersionDecision> decisions() {
        return List.copyOf(decisions.values());
    }
}
