package io.streamtune.review.state;

import io.streamtune.schemas.FeedbackKind;
import io.streamtune.schemas.LabelCorrection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends people's labels to the corrections topic once their undo window has passed. Until then the last one of an
 * annotator can be taken back. A send that fails stays pending and is tried again; closing sends every pending
 * label at once, so a stopped instance loses nothing (a killed one loses at most the labels of the last undo
 * window, whose items are still leased to their annotators and come back to them).
 */
public final class DecisionSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionSender.class);

    private record Pending(Decision decision, Instant due) {}

    private final Producer<String, LabelCorrection> producer;
    private final String topic;
    private final Duration undoWindow;
    private final Clock clock;
    private final List<Pending> pending = new ArrayList<>();
    private final Map<FeedbackKind, AtomicLong> sent = new EnumMap<>(FeedbackKind.class);
    private final ScheduledExecutorService flusher;

    public DecisionSender(Producer<String, LabelCorrection> producer, String topic, Duration undoWindow, Clock clock) {
        this.producer = producer;
        this.topic = topic;
        this.undoWindow = undoWindow;
        this.clock = clock;
        for (FeedbackKind kind : FeedbackKind.values()) {
            sent.put(kind, new AtomicLong());
        }
        this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "streamtune-review-sender");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(() -> sendDue(false), 100, 100, TimeUnit.MILLISECONDS);
    }

    /** Holds a label for the undo window, then sends it. */
    public synchronized void submit(Decision decision) {
        pending.add(new Pending(decision, clock.instant().plus(undoWindow)));
    }

    /**
     * Sends a reviewer's resolution at once (it has no undo window: it settles what annotators already sent).
     *
     * @return whether the topic has it
     */
    public boolean sendNow(LabelCorrection resolution) {
        return send(resolution);
    }

    /** Takes back the annotator's last label, if it is not sent yet. */
    public synchronized Optional<Decision> undoLast(String annotator) {
        for (int i = pending.size() - 1; i >= 0; i--) {
            if (pending.get(i).decision().annotator().equals(annotator)) {
                return Optional.of(pending.remove(i).decision());
            }
        }
        return Optional.empty();
    }

    /** How many labels of each kind were sent. */
    public Map<FeedbackKind, Long> sent() {
        Map<FeedbackKind, Long> counts = new EnumMap<>(FeedbackKind.class);
        sent.forEach((kind, count) -> counts.put(kind, count.get()));
        return counts;
    }

    /** How many labels wait for their undo window. */
    public synchronized int pendingCount() {
        return pending.size();
    }

    private synchronized void sendDue(boolean all) {
        Instant now = clock.instant();
        Iterator<Pending> it = pending.iterator();
        while (it.hasNext()) {
            Pending next = it.next();
            if (!all && next.due().isAfter(now)) {
                continue;
            }
            if (!send(next.decision().toCorrection())) {
                return;
            }
            it.remove();
        }
    }

    private boolean send(LabelCorrection correction) {
        try {
            producer.send(new ProducerRecord<>(topic, correction.getEventId(), correction))
                    .get(30, TimeUnit.SECONDS);
            sent.get(correction.getKind()).incrementAndGet();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            LOG.warn("Could not send the label of {} yet (will retry): {}", correction.getEventId(), e.toString());
            return false;
        }
    }

    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sendDue(true);
        int left = pendingCount();
        if (left > 0) {
            LOG.error("{} labels could not be sent before stopping", left);
        }
        producer.close(Duration.ofSeconds(10));
    }
}
