package io.streamtune.cli.eval;

import io.streamtune.cli.client.ClientOptions;
import io.streamtune.cli.client.ClientSettings;
import io.streamtune.cli.client.CommandException;
import io.streamtune.cli.client.Partitions;
import io.streamtune.cli.client.SendResults;
import io.streamtune.cli.console.ProgressBar;
import io.streamtune.cli.input.InputFormat;
import io.streamtune.cli.input.InputRow;
import io.streamtune.cli.input.RowFilter;
import io.streamtune.cli.input.RowReader;
import io.streamtune.cli.produce.RateLimiter;
import io.streamtune.runtime.config.SharedKeys;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.Topics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code streamtune eval FILE}: the whole file is read first (a bad line stops it before anything is sent); then the
 * texts go to {@code text-events} under fresh ids from a producer thread (at most {@code --rate} per second) while
 * this thread reads their classifications and dead letters (read_committed, from the end of both topics as they were
 * before the first send) with an {@link EvalCollector}.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate the live system: send the texts of a labelled JSON Lines or CSV file (text,label) under fresh"
                    + " event ids, read their classifications back, and report accuracy, macro-F1, per-class"
                    + " precision/recall/F1, the confusion matrix and end-to-end latency p50/p95/p99.",
            "Texts the classifier dead-lettered (text-events-dlq) are reported by reason.",
            "Exit code 1 when some texts were dead-lettered, or neither classified nor dead-lettered within --timeout"
                    + " of the last one received."
        })
public final class EvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "Labelled JSON Lines or CSV file (text, label).")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", description = "JSONL or CSV (default: from the file name).")
    InputFormat format;

    @Option(
            names = "--events-topic",
            paramLabel = "TOPIC",
            description =
                    "Topic the texts go to (default: topic.text.events of --config, else " + Topics.TEXT_EVENTS + ").")
    String eventsTopic;

    @Option(
            names = "--classifications-topic",
            paramLabel = "TOPIC",
            description = "Topic the classifications are read from (default: topic.classifications of --config, else "
                    + Topics.CLASSIFICATIONS + ").")
    String classificationsTopic;

    @Option(
            names = "--dead-letter-topic",
            paramLabel = "TOPIC",
            description =
                    "Topic the classifier dead-letters texts to (default: topic.text.events.dlq of --config, else "
                            + Topics.TEXT_EVENTS_DLQ + ").")
    String deadLetterTopic;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "How long to wait when nothing new arrives: counted from the last send or the last"
                    + " classification or dead letter received, whichever is later (default ${DEFAULT-VALUE}).")
    long timeoutSeconds = 120;

    @Option(
            names = "--rate",
            paramLabel = "EVENTS_PER_S",
            description = "Send at most this many texts per second (default: no limit).")
    double rate;

    @Option(
            names = "--where",
            paramLabel = "FIELD=VALUE",
            description = "Use only rows with this field value, e.g. --where split=test (repeatable; all must hold).")
    List<String> where;

    @Mixin
    ClientOptions client;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        eventsTopic = client.topic(eventsTopic, SharedKeys.TOPIC_TEXT_EVENTS, Topics.TEXT_EVENTS);
        classificationsTopic =
                client.topic(classificationsTopic, SharedKeys.TOPIC_CLASSIFICATIONS, Topics.CLASSIFICATIONS);
        deadLetterTopic = client.topic(deadLetterTopic, SharedKeys.TOPIC_TEXT_EVENTS_DLQ, Topics.TEXT_EVENTS_DLQ);
        List<LabelledExample> examples = readAll();
        ClientSettings settings = client.settings();
        EvalTracker tracker = new EvalTracker();
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "eval", examples.size());
        // the broker would otherwise hold an empty fetch up to 500 ms, a floor under every latency measured
        Map<String, Object> quickFetch = Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        try (KafkaConsumer<String, Classification> consumer = settings.consumer(Classification.class, quickFetch);
                KafkaConsumer<String, byte[]> dead = settings.rawConsumer(quickFetch)) {
            fromTheEnd(consumer, classificationsTopic);
            deadLettersFromTheEnd(dead);
            EvalCollector collector = new EvalCollector(consumer, dead, tracker, bar, System::nanoTime);
            CompletableFuture<Void> sending =
                    CompletableFuture.runAsync(() -> send(settings, examples, tracker, collector), runnable -> {
                        Thread thread = new Thread(runnable, "eval-producer");
                        thread.setDaemon(true);
                        thread.start();
                    });
            collector.collect(sending, examples.size(), Duration.ofSeconds(timeoutSeconds));
            join(sending);
        } finally {
            bar.finish();
        }
        return report(examples, tracker);
    }

    private static void fromTheEnd(KafkaConsumer<?, ?> consumer, String topic) {
        List<TopicPartition> partitions = Partitions.assignAll(consumer, topic, Duration.ofSeconds(30));
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Dead letters are read when their topic exists; without it, a dead-lettered text counts as missing. */
    private void deadLettersFromTheEnd(KafkaConsumer<?, ?> dead) {
        try {
            fromTheEnd(dead, deadLetterTopic);
        } catch (CommandException e) {
            spec.commandLine()
                    .getErr()
                    .println("note: " + e.getMessage() + "; dead-lettered texts will be reported as not classified");
        }
    }

    private int report(List<LabelledExample> examples, EvalTracker tracker) {
        List<LabelledExample> missing = tracker.missing();
        Map<String, Long> deadLettered = tracker.deadLetteredByReason();
        PrintWriter out = spec.commandLine().getOut();
        out.print(EvalSummary.format(tracker.outcomes(), examples.size(), missing, deadLettered));
        out.flush();
        if (!missing.isEmpty()) {
            throw new CommandException(missing.size() + " of " + examples.size() + " texts were neither classified"
                    + " nor dead-lettered within " + timeoutSeconds + " s of the last classification received"
                    + " (first: " + file + " line " + missing.get(0).line() + "); is a classifier running on "
                    + eventsTopic + "?");
        }
        if (!deadLettered.isEmpty()) {
            long dead =
                    deadLettered.values().stream().mapToLong(Long::longValue).sum();
            throw new CommandException(dead + " of " + examples.size() + " texts were dead-lettered to "
                    + deadLetterTopic + " " + deadLettered + " and are not in the figures");
        }
        return 0;
    }

    private List<LabelledExample> readAll() {
        RowFilter filter = RowFilter.parse(where);
        List<LabelledExample> examples = new ArrayList<>();
        try (RowReader rows = RowReader.open(file, format)) {
            for (Optional<InputRow> row = rows.next(); row.isPresent(); row = rows.next()) {
                if (filter.keeps(row.get())) {
                    examples.add(LabelledExample.of(row.get()));
                }
            }
        }
        if (examples.isEmpty()) {
            throw new CommandException(file + " has no examples" + (where == null ? "" : " with " + where));
        }
        return examples;
    }

    private void send(
            ClientSettings settings, List<LabelledExample> examples, EvalTracker tracker, EvalCollector collector) {
        String run = "eval-" + UUID.randomUUID().toString().substring(0, 8);
        SendResults results = new SendResults();
        RateLimiter limiter = new RateLimiter(rate);
        try (KafkaProducer<String, TextEvent> producer = settings.producer()) {
            producer.partitionsFor(eventsTopic); // metadata first, so no latency includes fetching it
            for (int i = 0; i < examples.size(); i++) {
                limiter.acquire();
                String id = run + "-" + (i + 1);
                TextEvent event = TextEvent.newBuilder()
                        .setId(id)
                        .setText(examples.get(i).text())
                        .setSource("eval")
                        .setEventTime(Instant.now())
                        .setAttributes(Map.of("eval.run", run))
                        .build();
                tracker.sent(id, examples.get(i), System.nanoTime());
                producer.send(new ProducerRecord<>(eventsTopic, id, event), results);
                collector.sent();
            }
            producer.flush();
        } finally {
            collector.sent();
        }
        results.check(eventsTopic);
    }

    private static void join(CompletableFuture<Void> sending) {
        try {
            sending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
