package io.streamtune.trainer.round;

import io.streamtune.trainer.publish.PublisherFencedException;
import io.streamtune.trainer.round.RoundTrigger.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The round thread: keeps the training set cache current, starts a round when the trigger says so, and marks the
 * snapshot trained once its version is published. Feedback ingestion runs on Kafka Streams' own threads, so it
 * goes on while a round trains. A fenced publisher stops the loop and is reported to {@code onFatal}.
 */
public final class RoundLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(RoundLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final TrainingSetCache cache;
    private final RoundRunner runner;
    private final RoundTrigger trigger;
    private final RoundMetrics metrics;
    private final Duration retryBackoff;
    private final Clock clock;
    private final Consumer<RuntimeException> onFatal;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Instant lastRound;
    private Instant notBefore;

    public RoundLoop(
            TrainingSetCache cache,
            RoundRunner runner,
            RoundTrigger trigger,
            RoundMetrics metrics,
            Duration retryBackoff,
            Clock clock,
            Consumer<RuntimeException> onFatal) {
        this.cache = cache;
        this.runner = runner;
        this.trigger = trigger;
        this.metrics = metrics;
        this.retryBackoff = retryBackoff;
        this.clock = clock;
        this.onFatal = onFatal;
    }

    /** Asks for a round as soon as possible, whatever the trigger says. */
    public void requestRound() {
        requested.set(true);
    }

    @Override
    public void run() {
        lastRound = clock.instant();
        notBefore = lastRound;
        readVersionInService();
        try {
            while (running.get()) {
                cache.poll(POLL);
                int fresh = cache.freshCount();
                metrics.fresh(fresh);
                Instant now = clock.instant();
                if (now.isBefore(notBefore)) {
                    continue;
                }
                Optional<Reason> reason = trigger.check(fresh, lastRound, now, requested.getAndSet(false));
                if (reason.isPresent()) {
                    runRound(reason.get(), fresh);
                }
            }
        } catch (PublisherFencedException e) {
            LOG.error("Stopping rounds: {}", e.getMessage());
            onFatal.accept(e);
        } catch (RuntimeException e) {
            LOG.error("Round loop failed", e);
            onFatal.accept(e);
        } finally {
            stopped.countDown();
        }
    }

    private void runRound(Reason reason, int fresh) {
        LOG.info("Starting a round ({}, {} new corrections)", reason, fresh);
        TrainingSetCache.Snapshot snapshot = cache.snapshot();
        try {
            Optional<RoundOutcome> outcome = runner.run(snapshot);
            cache.markTrained(snapshot);
            outcome.ifPresent(this::recordOutcome);
            lastRound = clock.instant();
            notBefore = lastRound;
        } catch (PublisherFencedException e) {
            throw e;
        } catch (Exception e) {
            LOG.error("Round failed; retrying in {}", retryBackoff, e);
            metrics.failed();
            notBefore = clock.instant().plus(retryBackoff);
        }
    }

    private void recordOutcome(RoundOutcome outcome) {
        boolean promoted = outcome.decision().promote();
        metrics.outcome(promoted);
        if (promoted) {
            metrics.inService(outcome.version());
        }
    }

    /** For the metrics only: a failure here is logged and leaves the value unknown until a promotion. */
    private void readVersionInService() {
        try {
            runner.versionInService().ifPresent(metrics::inService);
        } catch (RuntimeException e) {
            LOG.warn("Could not read the version in service: {}", e.toString());
        }
    }

    /** Stops after the current poll or round, and waits for it. */
    public void stop(Duration timeout) throws InterruptedException {
        running.set(false);
        stopped.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
