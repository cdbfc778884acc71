package io.streamtune.demo;

import io.streamtune.classifier.ClassifierRuntime;
import io.streamtune.demo.loop.ClassificationCollector;
import io.streamtune.demo.loop.EventStreamer;
import io.streamtune.demo.loop.VersionWatcher;
import io.streamtune.demo.report.ClassifiedEvent;
import io.streamtune.demo.report.VersionDecision;
import io.streamtune.trainer.Trainer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Watches the running loop: prints a progress line every interval and a line whenever the classifier swaps
 * versions, and decides when the stream is done (every acknowledged event classified), when the last round has
 * finished, and when the newest promoted version is served.
 */
final class LoopMonitor {

    private static final Duration TICK = Duration.ofMillis(500);

    private final DemoSettings settings;
    private final EventStreamer streamer;
    private final ClassificationCollector collector;
    private final VersionWatcher watcher;
    private final ClassifierRuntime classifier;
    private final Trainer trainer;
    private final Consumer<String> say;
    private final BooleanSupplier cancelled;
    private final int planned;
    private long served = -1;
    private String lastPrinted = "";

    LoopMonitor(
            DemoSettings settings,
            int planned,
            EventStreamer streamer,
            ClassificationCollector collector,
            VersionWatcher watcher,
            ClassifierRuntime classifier,
            Trainer trainer,
            Consumer<String> say,
            BooleanSupplier cancelled) {
        this.settings = settings;
        this.planned = planned;
        this.streamer = streamer;
        this.collector = collector;
        this.watcher = watcher;
        this.classifier = classifier;
        this.trainer = trainer;
        this.say = say;
        this.cancelled = cancelled;
    }

    /**
     * Waits until every event was sent and classified; gives up when nothing new was classified for the finish
     * timeout after sending ended.
     */
    void awaitStreamClassified() throws InterruptedException {
        long nextProgress = System.nanoTime() + settings.progressInterval().toNanos();
        long lastChange = System.nanoTime();
        int lastCount = -1;
        while (true) {
            if (cancelled.getAsBoolean()) {
                streamer.stop();
                return;
            }
            noteServedVersion();
            if (System.nanoTime() >= nextProgress) {
                lastPrinted = progressLine();
                say.accept(lastPrinted);
                nextProgress += settings.progressInterval().toNanos();
            }
            if (streamer.failure() != null) {
                throw new IllegalStateException(
                        "sending events failed: " + streamer.failure().getMessage(), streamer.failure());
            }
            int count = collector.classifiedCount();
            if (count != lastCount) {
                lastCount = count;
                lastChange = System.nanoTime();
            }
            if (streamer.finished() && count >= streamer.acknowledged()) {
                String last = progressLine();
                if (!last.equals(lastPrinted)) {
                    say.accept(last);
                }
                return;
            }
            if (streamer.finished()
                    && System.nanoTime() - lastChange > settings.finishTimeout().toNanos()) {
                say.accept("Giving up waiting: " + (streamer.acknowledged() - count) + " events not classified within "
                        + Elapsed.format(settings.finishTimeout()));
                return;
            }
            Thread.sleep(TICK.toMillis());
        }
    }

    /**
     * Waits for a round that the last corrections triggered (the trainer's fresh-correction count stays at or above
     * the trigger until the round is published), then for the newest promoted version to be served.
     */
    void awaitLastRoundAndReload() throws InterruptedException {
        if (cancelled.getAsBoolean()) {
            return;
        }
        long deadline = System.nanoTime() + settings.finishTimeout().toNanos();
        Thread.sleep(3_000); // corrections just sent reach the training set within a commit interval or two
        boolean announced = false;
        while (!cancelled.getAsBoolean() && System.nanoTime() < deadline && roundPending()) {
            if (!announced) {
                say.accept("Waiting for the round in progress to finish ...");
                announced = true;
            }
            noteServedVersion();
            Thread.sleep(TICK.toMillis());
        }
        long newest = newestPromoted();
        while (!cancelled.getAsBoolean()
                && System.nanoTime() < deadline
                && classifier.metrics().servedVersion() < newest) {
            Thread.sleep(TICK.toMillis());
        }
        noteServedVersion();
    }

    private boolean roundPending() {
        return trainer.metrics().value("fresh-corrections") >= settings.roundTrigger();
    }

    private long newestPromoted() {
        return watcher.decisions().stream()
                .filter(VersionDecision::promoted)
                .mapToLong(VersionDecision::version)
                .max()
                .orElse(1);
    }

    private void noteServedVersion() {
        long now = classifier.metrics().servedVersion();
        if (now != served) {
            if (served >= 0) {
                say.accept("The classifier now serves v" + now + " (hot reload, after event #" + streamer.sent()
                        + " was sent)");
            }
            served = now;
        }
    }

    String progressLine() {
        List<ClassifiedEvent> classified = collector.classified();
        List<ClassifiedEvent> recent =
                classified.subList(Math.max(0, classified.size() - settings.window()), classified.size());
        int fresh = (int) trainer.metrics().value("fresh-corrections");
        String training = fresh >= settings.roundTrigger() ? "  [round in progress]" : "";
        return String.format(
                Locale.ROOT,
                "sent %d/%d  classified %d  accuracy last %d: %s (all %s)  serving v%d  corrections %d  new %d/%d"
                        + "  rounds %.0f promoted, %.0f rejected, %.0f failed%s",
                streamer.sent(),
                planned,
                classified.size(),
                recent.size(),
                accuracy(recent),
                accuracy(classified),
                classifier.metrics().servedVersion(),
                collector.corrections(),
                fresh,
                settings.roundTrigger(),
                trainer.metrics().value("rounds-promoted-total"),
                trainer.metrics().value("rounds-rejected-total"),
                trainer.metrics().value("rounds-failed-total"),
                training);
    }

    private static String accuracy(List<ClassifiedEvent> events) {
        if (events.isEmpty()) {
            return "-";
        }
        long correct = events.stream().filter(ClassifiedEvent::correct).count();
        return String.format(Locale.ROOT, "%.3f", correct / (double) events.size());
    }
}
