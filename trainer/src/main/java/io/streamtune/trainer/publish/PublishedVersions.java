package io.streamtune.trainer.publish;

import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.versions.ModelVersionHistory;
import io.streamtune.schemas.versions.VersionState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The committed versions of one model, read from {@code model-versions}: the highest version number and the
 * version in service, as the shared rule of {@link ModelVersionHistory} decides it.
 *
 * @param maxVersion the highest published version, 0 when none
 * @param inService the version in service
 */
public record PublishedVersions(long maxVersion, Optional<ModelVersion> inService) {

    /**
     * Reads the whole topic up to its current end.
     *
     * @param consumer a read_committed consumer; it is assigned every partition of the topic
     * @throws TimeoutException when the end is not reached in time
     */
    public static PublishedVersions read(
            Consumer<String, ModelVersion> consumer, String topic, String modelName, Duration timeout) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        Instant deadline = Instant.now().plus(timeout);
        ModelVersionHistory history = new ModelVersionHistory();
        while (!reached(consumer, end)) {
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException("could not read " + topic + " to its end in " + timeout);
            }
            for (ConsumerRecord<String, ModelVersion> record : consumer.poll(Duration.ofMillis(200))) {
                history.accept(record.value(), record.timestamp(), record.offset());
            }
        }
        return of(history, modelName);
    }

    /** The highest version and the version in service of one model of a history. */
    public static PublishedVersions of(ModelVersionHistory history, String modelName) {
        return new PublishedVersions(
                history.highestVersion(modelName), history.inService(modelName).map(VersionState::record));
    }

    private static boolean reached(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }
}
