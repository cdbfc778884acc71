package io.streamtune.cli.client;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/** Assigns every partition of a topic to a group-less consumer. */
public final class Partitions {

    private Partitions() {}

    /**
     * Assigns them all.
     *
     * @throws CommandException when the topic does not exist or the cluster does not answer in time
     */
    public static List<TopicPartition> assignAll(Consumer<?, ?> consumer, String topic, Duration timeout) {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(topic, timeout);
        } catch (TimeoutException e) {
            throw noAnswer(topic, timeout);
        }
        if (infos == null || infos.isEmpty()) {
            throw missing(topic);
        }
        List<TopicPartition> partitions = infos.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        return partitions;
    }

    /** The error for a topic whose metadata did not come in time. */
    public static CommandException noAnswer(String topic, Duration timeout) {
        return new CommandException("no answer from Kafka within " + timeout.toSeconds() + " s while looking up topic "
                + topic + " (is the cluster at bootstrap.servers running?)");
    }

    /** The error for a topic that does not exist. */
    public static CommandException missing(String topic) {
        return new CommandException("topic " + topic + " does not exist");
    }
}
