package io.streamtune.trainer.publish;

import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The committed versions of one model, read from {@code model-versions}: the highest version number and the
 * version in service. As in the classifier, the latest record of each version is its state, and the version in
 * service is the PROMOTED one whose latest record is the newest (timestamp, then offset), so promoting an older
 * version again rolls back.
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
        Map<Long, ConsumerRecord<String, ModelVersion>> latestByVersion = new HashMap<>();
        while (!reached(consumer, end)) {
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException("could not read " + topic + " to its end in " + timeout);
            }
            for (ConsumerRecord<String, ModelVersion> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.value() != null && record.value().getModelName().equals(modelName)) {
                    latestByVersion.merge(
                            record.value().getVersion(), record, (old, now) -> newer(now, old) ? now : old);
                }
            }
        }
        long max = latestByVersion.keySet().stream()
                .mapToLong(Long::longValue)
                .max()
                .orElse(0L);
        Optional<ModelVersion> serving = latestByVersion.values().stream()
                .filter(record -> record.value().getStatus() == ModelStatus.PROMOTED)
                .reduce((a, b) -> newer(b, a) ? b : a)
                .map(ConsumerRecord::value);
        return new PublishedVersions(max, serving);
    }

    private static boolean newer(ConsumerRecord<?, ?> candidate, ConsumerRecord<?, ?> than) {
        return candidate.timestamp() != than.timestamp()
                ? candidate.timestamp() > than.timestamp()
                : candidate.offset() > than.offset();
    }

    private static boolean reached(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }
}
