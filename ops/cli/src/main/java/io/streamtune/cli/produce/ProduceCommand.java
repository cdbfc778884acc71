package io.streamtune.cli.produce;

import io.streamtune.cli.client.ClientOptions;
import io.streamtune.cli.client.CommandException;
import io.streamtune.cli.client.SendResults;
import io.streamtune.cli.console.ProgressBar;
import io.streamtune.cli.input.BadLineException;
import io.streamtune.cli.input.InputFormat;
import io.streamtune.cli.input.InputRow;
import io.streamtune.cli.input.RowReader;
import io.streamtune.runtime.config.SharedKeys;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.Topics;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code streamtune produce FILE|-}: sends TextEvents with an idempotent producer. A bad line stops the command
 * unless {@code --skip-bad}: every event before it is sent and flushed, and the message names the file and line.
 */
@Command(
        name = "produce",
        mixinStandardHelpOptions = true,
        description = {
            "Send texts to classify as TextEvents (idempotent producer, flushed at the end).",
            "FILE is JSON Lines (id, text, source|domain, eventTime, attributes; only text is required) or CSV"
                    + " with a header row (same columns; other columns become attributes); '-' reads stdin, one"
                    + " text per line, with generated ids.",
            "A malformed line stops the command (everything before it is sent and flushed) unless --skip-bad."
        })
public final class ProduceCommand implements Callable<Integer> {

    static final String STDIN = "-";

    @Parameters(index = "0", paramLabel = "FILE", description = "JSON Lines or CSV file, or '-' for stdin.")
    String input;

    @Option(names = "--format", paramLabel = "FORMAT", description = "JSONL or CSV (default: from the file name).")
    InputFormat format;

    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            description = "Topic (default: topic.text.events of --config, else " + Topics.TEXT_EVENTS + ").")
    String topic;

    @Option(
            names = "--rate",
            paramLabel = "EVENTS_PER_S",
            description = "Send at most this many events per second (default: no limit).")
    double rate;

    @Option(
            names = "--key",
            paramLabel = "id|none",
            description = "Record key: the event id (default) or none. No other key: the classifier dead-letters"
                    + " an event whose key is not its id.")
    String key = KeyChoice.DEFAULT;

    @Option(
            names = "--source",
            paramLabel = "NAME",
            description = "Source of events that name none (default ${DEFAULT-VALUE}).")
    String source = "cli";

    @Option(names = "--skip-bad", description = "Report bad lines on stderr and go on instead of stopping.")
    boolean skipBad;

    @Mixin
    ClientOptions client;

    @Spec
    CommandSpec spec;

    private long skipped;

    @Override
    public Integer call() {
        topic = client.topic(topic, SharedKeys.TOPIC_TEXT_EVENTS, Topics.TEXT_EVENTS);
        KeyChoice keys = KeyChoice.parse(key);
        boolean fromStdin = STDIN.equals(input);
        Path file = fromStdin ? null : Path.of(input);
        long total = fromStdin ? 0 : RowReader.countRows(file, format);
        PrintWriter err = spec.commandLine().getErr();
        SendResults results = new SendResults();
        try (RowReader rows = fromStdin ? stdin() : RowReader.open(file, format);
                KafkaProducer<String, TextEvent> producer = client.settings().producer()) {
            ProgressBar bar = fromStdin ? null : new ProgressBar(err, "produce", total);
            try {
                send(rows, producer, keys, results, bar);
                producer.flush();
            } finally {
                if (bar != null) {
                    bar.finish();
                }
            }
        }
        results.check(topic);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "Sent %d events to %s%s.%n",
                results.acknowledged(), topic, skipped > 0 ? ", skipped " + skipped + " bad lines" : "");
        out.flush();
        return 0;
    }

    private void send(
            RowReader rows,
            KafkaProducer<String, TextEvent> producer,
            KeyChoice keys,
            SendResults results,
            ProgressBar bar) {
        TextEventRows events = TextEventRows.withRandomIds(source);
        RateLimiter limiter = new RateLimiter(rate);
        long sent = 0;
        while (true) {
            ProducerRecord<String, TextEvent> record;
            try {
                Optional<InputRow> row = rows.next();
                if (row.isEmpty()) {
                    return;
                }
                TextEvent event = events.toEvent(row.get());
                record = new ProducerRecord<>(topic, keys.keyOf(event), event);
            } catch (BadLineException e) {
                handleBadLine(e, producer, results, sent);
                continue;
            }
            limiter.acquire();
            try {
                producer.send(record, results);
            } catch (KafkaException e) {
                producer.flush();
                results.check(topic);
                throw new CommandException(
                        "cannot send line " + rows.line() + " of " + input + ": " + e.getMessage() + "; the " + sent
                                + " events before it were sent",
                        e);
            }
            sent++;
            if (bar != null) {
                bar.step();
            }
        }
    }

    private void handleBadLine(
            BadLineException bad, KafkaProducer<String, TextEvent> producer, SendResults results, long sent) {
        if (skipBad) {
            skipped++;
            spec.commandLine().getErr().println(System.lineSeparator() + "skipped " + bad.getMessage());
            return;
        }
        producer.flush();
        results.check(topic);
        throw new BadLineException(
                bad.file(),
                bad.line(),
                bad.problem() + ". Stopped there: the " + sent + " events before it were sent"
                        + " (--skip-bad skips bad lines).");
    }

    private static RowReader stdin() {
        return RowReader.of(
                "<stdin>",
                InputFormat.LINES,
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    }
}
