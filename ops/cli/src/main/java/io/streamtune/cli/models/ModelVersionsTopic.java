package io.streamtune.cli.models;

import io.streamtune.cli.client.ClientSettings;
import io.streamtune.cli.client.CommandException;
import io.streamtune.cli.client.Partitions;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.versions.ModelVersionHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;

/** Reads the whole model-versions topic (read_committed, no group) up to its current end. */
public final class ModelVersionsTopic {

    private ModelVersionsTopic() {}

    /**
     * Every committed record, as a history.
     *
     * @throws CommandException when the topic does not exist or its end is not reached in time
     */
    public static ModelVersionHistory read(ClientSettings settings, String topic, Duration timeout) {
        ModelVersionHistory history = new ModelVersionHistory();
        try (KafkaConsumer<String, ModelVersion> consumer = settings.consumer(ModelVersion.class)) {
            List<TopicPartition> partitions = Partitions.assignAll(consumer, topic, timeout);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Instant deadline = Instant.now().plus(timeout);
            while (!reached(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new CommandException(
                            "could not read topic " + topic + " to its end within " + timeout.toSeconds() + " s");
                }
                pollInto(consumer, history);
            }
        }
        return history;
    }

    private static void pollInto(KafkaConsumer<String, ModelVersion> consumer, ModelVersionHistory history) {
        try {
            for (ConsumerRecord<String, ModelVersion> record : consumer.poll(Duration.ofMillis(200))) {
                history.accept(record.value(), record.timestamp(), record.offset());
            }
        } catch (RecordDeserializationException e) {
            System.err.printf(
                    "skipping an unreadable model version record at %s offset %d: %s%n",
                    e.topicPartition(), e.offset(), e.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }
}
