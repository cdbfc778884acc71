package io.streamtune.cli.tail;

import io.streamtune.cli.client.ClientOptions;
import io.streamtune.cli.client.Partitions;
import io.streamtune.runtime.config.SharedKeys;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamtune tail}: prints classifications as they are committed, until Ctrl-C or {@code --max}. */
@Command(
        name = "tail",
        mixinStandardHelpOptions = true,
        description = {
            "Follow the classifications (read_committed): event id, label, confidence, model version, latency"
                    + " (classified time less event time) and the text, shortened; or one JSON object per line.",
            "Stops at Ctrl-C or after --max records."
        })
public final class TailCommand implements Callable<Integer> {

    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            description = "Topic (default: topic.classifications of --config, else " + Topics.CLASSIFICATIONS + ").")
    String topic;

    @Option(names = "--from-beginning", description = "Start at the oldest record instead of new ones only.")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
    Long max;

    @Option(names = "--json", description = "One JSON object per line instead of columns.")
    boolean json;

    @Mixin
    ClientOptions client;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        topic = client.topic(topic, SharedKeys.TOPIC_CLASSIFICATIONS, Topics.CLASSIFICATIONS);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (KafkaConsumer<String, Classification> consumer = client.settings().consumer(Classification.class)) {
            List<TopicPartition> partitions = Partitions.assignAll(consumer, topic, Duration.ofSeconds(30));
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            partitions.forEach(consumer::position);
            Thread stopper = new Thread(consumer::wakeup, "tail-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            if (!json) {
                out.println(ClassificationFormat.header());
                out.flush();
            }
            try {
                follow(consumer, out, err);
            } catch (WakeupException e) {
                // Ctrl-C: end quietly
            } finally {
                removeHook(stopper);
            }
        }
        return 0;
    }

    private void follow(KafkaConsumer<String, Classification> consumer, PrintWriter out, PrintWriter err) {
        long printed = 0;
        while (max == null || printed < max) {
            try {
                for (ConsumerRecord<String, Classification> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && (max == null || printed < max)) {
                        out.println(
                                json
                                        ? ClassificationFormat.json(record.value())
                                        : ClassificationFormat.line(record.value()));
                        printed++;
                    }
                }
                out.flush();
            } catch (RecordDeserializationException e) {
                err.printf(
                        "skipping an unreadable record at %s offset %d: %s%n",
                        e.topicPartition(), e.offset(), e.getMessage());
                err.flush();
                consumer.seek(e.topicPartition(), e.offset() + 1);
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already
        }
    }
}
