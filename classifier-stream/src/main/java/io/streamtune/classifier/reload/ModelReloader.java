package io.streamtune.classifier.reload;

import io.streamtune.classifier.metrics.ClassifierMetrics;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the {@link ServingModel} to a target version: load (fetch, verify, load, warm up), wait this instance's
 * turn ({@code rank x stagger}), swap. A version that fails any step is refused (a log line and {@code
 * failedReloads}) and not tried again until a new model-versions record announces it again; the served model stays. Rollback is a target with an older version. Called from one
 * thread at a time.
 */
public final class ModelReloader {

    private static final Logger log = LoggerFactory.getLogger(ModelReloader.class);

    private final ServingModel serving;
    private final ModelLoader loader;
    private final InstanceRank rank;
    private final Duration stagger;
    private final ClassifierMetrics metrics;
    private final Sleeper sleeper;
    private final Set<ModelTarget> refused = new HashSet<>();

    public ModelReloader(
            ServingModel serving,
            ModelLoader loader,
            InstanceRank rank,
            Duration stagger,
            ClassifierMetrics metrics,
            Sleeper sleeper) {
        this.serving = serving;
        this.loader = loader;
        this.rank = rank;
        this.stagger = stagger;
        this.metrics = metrics;
        this.sleeper = sleeper;
    }

    /**
     * Serves the target unless it is served already or was refused before.
     *
     * @return true if the target is served afterwards
     */
    public boolean reconcile(ModelTarget target) throws InterruptedException {
        Optional<Long> served = serving.servedVersion();
        if (served.isPresent() && served.get() == target.version()) {
            return true;
        }
        if (refused.contains(target)) {
            return false;
        }
        LoadedModel next;
        try {
            next = loader.load(target);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            refuse(target, served, e);
            return false;
        }
        waitForTurn(target, served.isPresent());
        serving.swap(next);
        metrics.recordReload(target.version());
        log.info("serving {} (was {})", target, served.map(v -> "v" + v).orElse("nothing"));
        return true;
    }

    private void refuse(ModelTarget target, Optional<Long> served, Exception e) {
        refused.add(target);
        metrics.recordFailedReload();
        log.error(
                "refused {}: {}; still serving {}",
                target,
                e.getMessage(),
                served.map(v -> "v" + v).orElse("nothing"),
                e);
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

    /** Waits; a seam so tests need not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        static Sleeper real() {
            return duration -> Thread.sleep(duration.toMillis());
        }
    }
}
