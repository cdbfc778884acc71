package io.streamtune.classifier.reload;

import io.streamtune.classifier.metrics.ClassifierMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the {@link ServingModel} to a target version: load (fetch, verify, load, warm up), wait this instance's
 * turn ({@code rank x stagger}), swap. A version that fails any step is refused (a log line and {@code
 * failedReloads}) and the served model stays. The refusal is final (until a new model-versions record announces the
 * version again) unless the loader says the model store was unreachable ({@link StoreUnreachableException}): then
 * the same target is tried again after the {@link RetryBackoff}, each attempt counted and logged, until it loads or
 * another target replaces it. Rollback is a target with an older version. The {@link ReloadListener} hears of each
 * loaded version before its turn to swap and of the swap. Called from one thread at a time.
 */
public final class ModelReloader {

    private static final Logger log = LoggerFactory.getLogger(ModelReloader.class);

    private final ServingModel serving;
    private final ModelLoader loader;
    private final InstanceRank rank;
    private final Duration stagger;
    private final ClassifierMetrics metrics;
    private final Sleeper sleeper;
    private final RetryBackoff backoff;
    private final InstantSource clock;
    private final ReloadListener listener;
    private final Set<ModelTarget> refused = new HashSet<>();
    private PendingRetry retry;

    public ModelReloader(
            ServingModel serving,
            ModelLoader loader,
            InstanceRank rank,
            Duration stagger,
            ClassifierMetrics metrics,
            Sleeper sleeper,
            RetryBackoff backoff,
            InstantSource clock,
            ReloadListener listener) {
        this.serving = serving;
        this.loader = loader;
        this.rank = rank;
        this.stagger = stagger;
        this.metrics = metrics;
        this.sleeper = sleeper;
        this.backoff = backoff;
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Serves the target unless it is served already, was refused for good, or waits for its next attempt.
     *
     * @return true if the target is served afterwards
     */
    public boolean reconcile(ModelTarget target) throws InterruptedException {
        Optional<Long> served = serving.servedVersion();
        if (served.isPresent() && served.get() == target.version()) {
            retry = null;
            return true;
        }
        if (refused.contains(target) || waitsForItsNextAttempt(target)) {
            return false;
        }
        LoadedModel next;
        try {
            next = loader.load(target);
        } catch (InterruptedException e) {
            throw e;
        } catch (StoreUnreachableException e) {
            scheduleRetry(target, served, e);
            return false;
        } catch (Exception e) {
            refuse(target, served, e);
            return false;
        }
        retry = null;
        listener.loaded(target, next);
        waitForTurn(target, served.isPresent());
        serving.swap(next);
        listener.swapped(target, next);
        metrics.recordReload(target.version());
        log.info("serving {} (was {})", target, describe(served));
        return true;
    }

    private boolean waitsForItsNextAttempt(ModelTarget target) {
        if (retry == null) {
            return false;
        }
        if (!retry.target().equals(target)) {
            log.info("{} is the target now; no longer retrying {}", target, retry.target());
            retry = null;
            return false;
        }
        return clock.instant().isBefore(retry.due());
    }

    private void scheduleRetry(ModelTarget target, Optional<Long> served, StoreUnreachableException e) {
        int failures = retry == null ? 1 : retry.failures() + 1;
        Duration delay = backoff.delayAfter(failures);
        retry = new PendingRetry(target, failures, clock.instant().plus(delay));
        metrics.recordFailedReload();
        log.warn(
                "store unreachable loading {} (attempt {}): {}; still serving {}; retrying in {} s",
                target,
                failures,
                e.getMessage(),
                describe(served),
                String.format(Locale.ROOT, "%.1f", delay.toMillis() / 1000.0));
        log.debug("store failure loading {}", target, e);
    }

    private void refuse(ModelTarget target, Optional<Long> served, Exception e) {
        retry = null;
        refused.add(target);
        metrics.recordFailedReload();
        log.error("refused {}: {}; still serving {}", target, e.getMessage(), describe(served), e);
    }

    private void waitForTurn(ModelTarget target, boolean serving) throws InterruptedException {
        if (!serving || stagger.isZero()) {
            return;
        }
        int place = rank.rank();
        Duration wait = stagger.multipliedBy(place);
        if (!wait.isZero()) {
            log.info("{} loaded; instance rank {} waits {} ms before swapping", target, place, wait.toMillis());
            sleeper.sleep(wait);
        }
    }

    private static String describe(Optional<Long> served) {
        return served.map(v -> "v" + v).orElse("nothing");
    }

    /** A target the store was unreachable for: how many attempts failed in a row and when to try again. */
    private record PendingRetry(ModelTarget target, int failures, Instant due) {}

    /** Waits; a seam so tests need not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        static Sleeper real() {
            return duration -> Thread.sleep(duration.toMillis());
        }
    }
}
