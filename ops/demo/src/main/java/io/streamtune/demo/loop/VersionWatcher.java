package io.streamtune.demo.loop;

import io.streamtune.demo.report.VersionDecision;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Follows {@code model-versions} (read_committed, from the beginning) and keeps the decision of each version of one
 * model: the latest PROMOTED or REJECTED record. Each new decision is also handed to a listener.
 */
public final class VersionWatcher implements Runnable {

    private static final Duration POLL = Duration.ofMillis(300);

    private final KafkaConsumer<String, ModelVersion> consumer;
    private final String modelName;
    private final Consumer<VersionDecision> listener;
    private final Map<Long, VersionDecision> decisions = new TreeMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);

    public VersionWatcher(
            KafkaConsumer<String, ModelVersion> consumer,
            String topic,
            String modelName,
            Consumer<VersionDecision> listener) {
        this.consumer = consumer;
        this.modelName = modelName;
        this.listener = listener;
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    @Override
    public void run() {
        while (running.get()) {
            for (ConsumerRecord<String, ModelVersion> record : consumer.poll(POLL)) {
                ModelVersion value = record.value();
                if (value != null
                        && value.getModelName().equals(modelName)
                        && value.getStatus() != ModelStatus.CANDIDATE) {
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
