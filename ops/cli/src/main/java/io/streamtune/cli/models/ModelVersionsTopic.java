package io.streamtune.cli.models;

import io.streamtune.cli.client.ClientSettings;
import io.streamtune.cli.client.CommandException;
import io.streamtune.cli.client.Partitions;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.versions.ModelVersionHistory;
import io.streamtune.schemas.versions.ModelVersionsReader;
import java.time.Duration;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Reads the whole model-versions topic (read_committed, no group) up to its current end, with the shared {@link
 * ModelVersionsReader}; an unreadable record is reported on standard error and skipped.
 */
public final class ModelVersionsTopic {

    private ModelVersionsTopic() {}

    /**
     * Every committed record, as a history.
     *
     * @throws CommandException when the topic does not exist or its end is not reached in time
     */
    public static ModelVersionHistory read(ClientSettings settings, String topic, Duration timeout) {
        try (KafkaConsumer<String, ModelVersion> consumer = settings.consumer(ModelVersion.class)) {
            ModelVersionsReader reader = new ModelVersionsReader(consumer, topic, ModelVersionsTopic::reportSkipped);
            assign(reader, topic, timeout);
            try {
                return reader.readToEnd(timeout);
            } catch (TimeoutException e) {
                throw new CommandException(
                        "could not read topic " + topic + " to its end within " + timeout.toSeconds() + " s");
            }
        }
    }

    private static void assign(ModelVersionsReader reader, String topic, Duration timeout) {
        try {
            if (reader.assignFromBeginning(timeout).isEmpty()) {
                throw Partitions.missing(topic);
            }
        } catch (TimeoutException e) {
            throw Partitions.noAnswer(topic, timeout);
        }
    }

    private static void reportSkipped(RecordDeserializationException e) {
        System.err.printf(
                "skipping an unreadable model version record at %s offset %d: %s%n",
                e.topicPartition(), e.offset(), e.getMessage());
    }
}
