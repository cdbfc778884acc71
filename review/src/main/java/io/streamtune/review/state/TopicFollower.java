package io.streamtune.review.state;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one topic from its beginning and then follows it, on its own thread, handing every record to a handler. It
 * knows when it has caught up with where the topic ended when its partitions were assigned, so the page can wait
 * for the state before it shows anything. A record that cannot be read is logged and skipped.
 *
 * @param <V> the value type
 */
final class TopicFollower<V> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);

    /** What the follower is told when its partitions change (the classifications reader's group). */
    interface Assignment {
        void changed(Collection<TopicPartition> assigned);
    }

    private final String topic;
    private final KafkaConsumer<String, V> consumer;
    private final Consumer<ConsumerRecord<String, V>> handler;
    private final boolean shared;
    private final Assignment assignment;
    private final Map<TopicPartition, Long> catchUpTo = new HashMap<>();
    private final Thread thread;
    private volatile boolean caughtUp;
    private volatile boolean running = true;
    private volatile Throwable failure;

    /**
     * @param shared true to share the topic's partitions with the other instances of the consumer's group; false
     *     to read every partition
     */
    TopicFollower(
            String topic,
            KafkaConsumer<String, V> consumer,
            boolean shared,
            Assignment assignment,
            Consumer<ConsumerRecord<String, V>> handler) {
        this.topic = topic;
        this.consumer = consumer;
        this.shared = shared;
        this.assignment = assignment;
        this.handler = handler;
        this.thread = new Thread(this::run, "streamtune-review-" + topic);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Whether it has read everything the topic held when its partitions were (last) assigned. */
    boolean caughtUp() {
        return caughtUp;
    }

    /** Why it stopped, if it failed. */
    Throwable failure() {
        return failure;
    }

    private void run() {
        try {
            if (shared) {
                consumer.subscribe(List.of(topic), new Rebalance());
            } else {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(info -> new TopicPartition(topic, info.partition()))
                        .toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                catchUpTo.putAll(consumer.endOffsets(partitions));
            }
            while (running) {
                pollOnce();
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("Stopped following {}: {}", topic, e.toString(), e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private void pollOnce() {
        try {
            consumer.poll(POLL).forEach(handler);
        } catch (RecordDeserializationException e) {
            LOG.warn("Skipped unreadable record {}@{}: {}", e.topicPartition(), e.offset(), e.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
        if (!caughtUp && !catchUpTo.isEmpty()) {
            caughtUp = catchUpTo.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Rebuilds from the beginning of every partition it is given; the queue drops the ones taken away. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Collection<TopicPartition> all = consumer.assignment();
            consumer.seekToBeginning(partitions);
            catchUpTo.clear();
            catchUpTo.putAll(consumer.endOffsets(all));
            caughtUp = all.isEmpty();
            assignment.changed(all);
            LOG.info("Reviewing the classifications of partitions {}", all);
        }
    }
}
