package io.streamtune.cli.eval;

import io.streamtune.cli.console.ProgressBar;
import io.streamtune.schemas.Classification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;

/**
 * Reads the classifications and the dead letters of the texts an eval sent, until every text is answered or nothing
 * new came for the timeout: the timeout counts from the last send or the last answer received, whichever is later,
 * so a slow classifier that is still working through the backlog is waited for.
 */
final class EvalCollector {

    /** The classifier's dead-letter reason header (its {@code DeadLetterHeaders.REASON}). */
    static final String REASON_HEADER = "streamtune.dlq.reason";

    private static final Duration POLL = Duration.ofMillis(50);

    private final KafkaConsumer<String, Classification> classifications;
    private final KafkaConsumer<String, byte[]> deadLetters;
    private final EvalTracker tracker;
    private final ProgressBar bar;
    private final LongSupplier clock;
    private final AtomicLong lastProgressNanos = new AtomicLong();

    EvalCollector(
            KafkaConsumer<String, Classification> classifications,
            KafkaConsumer<String, byte[]> deadLetters,
            EvalTracker tracker,
            ProgressBar bar,
            LongSupplier clock) {
        this.classifications = classifications;
        this.deadLetters = deadLetters;
        this.tracker = tracker;
        this.bar = bar;
        this.clock = clock;
        this.lastProgressNanos.set(clock.getAsLong());
    }

    /** Marks a send: the timeout counts from here too. */
    void sent() {
        lastProgressNanos.accumulateAndGet(clock.getAsLong(), Math::max);
    }

    /** Reads until all {@code total} texts are answered, the sending failed, or nothing came for {@code timeout}. */
    void collect(CompletableFuture<Void> sending, int total, Duration timeout) {
        long timeoutNanos = timeout.toNanos();
        while (tracker.answered() < total) {
            if (sending.isCompletedExceptionally()) {
                return;
            }
            if (sending.isDone() && clock.getAsLong() - lastProgressNanos.get() > timeoutNanos) {
                return;
            }
            for (ConsumerRecord<String, Classification> record : classifications.poll(POLL)) {
                if (record.value() != null && tracker.received(record.value(), clock.getAsLong())) {
                    progressed();
                }
            }
            if (deadLetters.assignment().isEmpty()) {
                continue;
            }
            for (ConsumerRecord<String, byte[]> record : deadLetters.poll(POLL)) {
                if (tracker.deadLettered(record.key(), reason(record))) {
                    progressed();
                }
            }
        }
    }

    private void progressed() {
        sent();
        bar.step();
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(REASON_HEADER);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
