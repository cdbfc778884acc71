package io.streamtune.demo;

import io.streamtune.classifier.ClassifierRuntime;
import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.classifier.engine.EngineModelLoader;
import io.streamtune.demo.data.DemoPlan;
import io.streamtune.demo.data.LabelledText;
import io.streamtune.demo.data.SentimentData;
import io.streamtune.demo.loop.ClassificationCollector;
import io.streamtune.demo.loop.Corrector;
import io.streamtune.demo.loop.DemoClients;
import io.streamtune.demo.loop.EventStreamer;
import io.streamtune.demo.loop.StreamedEvent;
import io.streamtune.demo.loop.VersionWatcher;
import io.streamtune.demo.report.ClassifiedEvent;
import io.streamtune.demo.report.VersionDecision;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.Topics;
import io.streamtune.stack.StackConfig;
import io.streamtune.trainer.Trainer;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.round.Example;
import io.streamtune.trainer.round.RoundOutcome;
import io.streamtune.trainer.tuning.DjlModelTuner;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The whole demo in one process: the local stack, version 1 bootstrapped from part of the data, the classifier and
 * the trainer in-process, the rest of the data streamed while a simulated person corrects wrong predictions, and a
 * summary with charts at the end. {@link #cancel()} (the shutdown hook on Ctrl-C) ends it early; everything it
 * started is stopped either way, in reverse order.
 */
public final class Demo {

    private static final Duration FIRST_MODEL_TIMEOUT = Duration.ofMinutes(3);

    private final DemoSettings settings;
    private final PrintStream out;
    private final Deque<AutoCloseable> open = new ArrayDeque<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final long started = System.nanoTime();
    private final String runId = DemoRun.newRunId();
    private DemoStack stack;

    public Demo(DemoSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Runs the demo to its end (or until cancelled) and returns what it measured. */
    public DemoResult run() throws Exception {
        try {
            return runPhases();
        } finally {
            closeLoop();
            if (stack != null) {
                say(stack.closingLine());
                stack.close();
            }
            finished.countDown();
        }
    }

    /** The run's folder: model store, state, summary, charts, log. */
    public Path folder() {
        return DemoRun.folder(settings.dataDir(), runId);
    }

    /** Asks the run to stop at the next opportunity. */
    public void cancel() {
        cancelled.set(true);
    }

    /** Waits until the run has stopped everything it started. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private DemoResult runPhases() throws Exception {
        Files.createDirectories(folder());
        DemoPlan plan = DemoPlan.of(
                SentimentData.read(settings.dataFile()),
                settings.bootstrapDomain(),
                settings.bootstrapSize(),
                settings.events(),
                settings.testSize());
        say(String.format(
                Locale.ROOT,
                "Streamtune demo: bootstrap on %d %s examples, then stream %d events at %.1f/s, correcting %.0f%% of"
                        + " the wrong predictions; a round after every %d corrections",
                plan.bootstrap().size(),
                settings.bootstrapDomain(),
                plan.stream().size(),
                settings.rate(),
                settings.correctShare() * 100,
                settings.roundTrigger()));
        stack = DemoStack.startOrReuse(stackConfig(), settings.keepStack(), this::say);
        DemoRun run = DemoRun.create(runId, settings.dataDir(), stack.endpoints(), stack.fresh());
        if (stack.fresh()) {
            int pruned = EarlierRuns.prune(settings.dataDir(), runId);
            if (pruned > 0) {
                say("Deleted the model stores and state of " + pruned
                        + " earlier run(s) (their summaries and charts stay)");
            }
        }
        TrainerConfig trainerConfig = run.trainerConfig(settings);
        DjlModelTuner tuner = DjlModelTuner.of(trainerConfig);
        bootstrap(run, plan, trainerConfig, tuner);
        OptionalDouble testBefore = cancelled.get() ? OptionalDouble.empty() : scoreTest(run, 1, plan.test());
        List<StreamedEvent> events = streamedEvents(run, plan);
        LoopParts loop = cancelled.get() ? null : startLoop(run, trainerConfig, tuner, events);
        if (loop != null) {
            loop.monitor.awaitStreamClassified();
            loop.monitor.awaitLastRoundAndReload();
        }
        return finish(run, plan, events, loop, testBefore);
    }

    private StackConfig stackConfig() {
        return StackConfig.fromEnvironment()
                .withDataDir(settings.dataDir().resolve("stack"))
                .withKafkaPorts(settings.ports().kafka(), settings.ports().controller())
                .withRegistryPort(settings.ports().registry());
    }

    private void bootstrap(DemoRun run, DemoPlan plan, TrainerConfig config, DjlModelTuner tuner) throws Exception {
        say("Bootstrapping v1 of " + run.modelName() + ": fine-tuning all-MiniLM-L6-v2 on "
                + plan.bootstrap().size() + " examples (" + settings.training().epochs() + " epochs) ...");
        List<Example> examples = plan.bootstrap().stream()
                .map(example -> new Example(
                        StreamedEvent.eventId(run.eventIdPrefix(), example), example.text(), example.label()))
                .toList();
        RoundOutcome outcome = Trainer.bootstrap(config, tuner, examples);
        say(String.format(
                Locale.ROOT,
                "v%d published PROMOTED (holdout accuracy %.3f, trained on %d) into %s",
                outcome.version(),
                outcome.decision().candidate(),
                outcome.trainedOn(),
                run.modelStore()));
    }

    private OptionalDouble scoreTest(DemoRun run, long version, List<LabelledText> test) throws Exception {
        OptionalDouble accuracy = TestSetScore.accuracy(
                run.modelStore(),
                run.modelName(),
                version,
                test,
                settings.training().maxLength());
        accuracy.ifPresent(value -> say(String.format(
                Locale.ROOT, "v%d on the test split (%d sentences): accuracy %.3f", version, test.size(), value)));
        return accuracy;
    }

    private static List<StreamedEvent> streamedEvents(DemoRun run, DemoPlan plan) {
        List<StreamedEvent> events = new ArrayList<>();
        for (LabelledText example : plan.stream()) {
            events.add(new StreamedEvent(events.size(), StreamedEvent.eventId(run.eventIdPrefix(), example), example));
        }
        return events;
    }

    private record LoopParts(
            LoopMonitor monitor,
            EventStreamer streamer,
            ClassificationCollector collector,
            VersionWatcher watcher,
            ClassifierRuntime classifier,
            Optional<DemoReviewPage> reviewPage) {}

    private LoopParts startLoop(
            DemoRun run, TrainerConfig trainerConfig, DjlModelTuner tuner, List<StreamedEvent> events)
            throws Exception {
        say("Starting the trainer (feedback ingestion + rounds) and the classifier in this process ...");
        Trainer trainer =
                Trainer.start(trainerConfig, tuner, fatal -> say("The trainer stopped: " + fatal.getMessage()));
        open.push(trainer);
        ClassifierConfig classifierConfig = run.classifierConfig(settings);
        EarlierEvents.skip(run.endpoints().bootstrapServers(), run.classifierApplicationId(), Topics.TEXT_EVENTS);
        ClassifierRuntime classifier = ClassifierRuntime.start(
                classifierConfig, EngineModelLoader.fromConfig(classifierConfig), FIRST_MODEL_TIMEOUT);
        open.push(classifier);
        awaitReady(classifier);
        say("Classifier ready, serving v" + classifier.metrics().servedVersion() + "; streaming ...");
        DemoClients clients = new DemoClients(
                run.endpoints().bootstrapServers(), run.endpoints().schemaRegistryUrl());
        VersionWatcher watcher = new VersionWatcher(
                clients.consumer("demo-versions", ModelVersion.class),
                Topics.MODEL_VERSIONS,
                run.modelName(),
                decision -> {
                    if (decision.version() > 1) {
                        say(SummaryText.describe(decision, List.of()));
                    }
                });
        open.push(Background.start("demo-versions", watcher, watcher::stop));
        Optional<DemoReviewPage> reviewPage = startReviewPage(run);
        return startStreaming(run, events, clients, watcher, classifier, trainer, reviewPage);
    }

    /** The review workbench, when asked for; it stops first, sending what is left in its undo window. */
    private Optional<DemoReviewPage> startReviewPage(DemoRun run) throws Exception {
        if (!settings.reviewPage().enabled()) {
            return Optional.empty();
        }
        DemoReviewPage page = DemoReviewPage.start(run, settings);
        open.push(page);
        say(page.invitation());
        return Optional.of(page);
    }

    private LoopParts startStreaming(
            DemoRun run,
            List<StreamedEvent> events,
            DemoClients clients,
            VersionWatcher watcher,
            ClassifierRuntime classifier,
            Trainer trainer,
            Optional<DemoReviewPage> reviewPage) {
        KafkaProducer<String, SpecificRecord> correctionProducer = clients.producer("demo-annotator");
        ClassificationCollector collector = new ClassificationCollector(
                clients.consumer("demo-classifications", Classification.class),
                Topics.CLASSIFICATIONS,
                events,
                new Corrector(settings.correctShare(), settings.training().seed()),
                correctionProducer,
                Topics.LABEL_CORRECTIONS);
        open.push(Background.start("demo-collector", collector, collector::stop, correctionProducer));
        KafkaProducer<String, SpecificRecord> eventProducer = clients.producer("demo-events");
        EventStreamer streamer = new EventStreamer(eventProducer, Topics.TEXT_EVENTS, events, settings.rate());
        open.push(Background.start("demo-events", streamer, streamer::stop, eventProducer));
        LoopMonitor monitor = new LoopMonitor(
                settings, events.size(), streamer, collector, watcher, classifier, trainer, this::say, cancelled::get);
        return new LoopParts(monitor, streamer, collector, watcher, classifier, reviewPage);
    }

    private void awaitReady(ClassifierRuntime classifier) throws InterruptedException {
        long deadline = System.nanoTime() + FIRST_MODEL_TIMEOUT.toNanos();
        while (!classifier.isReady() && System.nanoTime() < deadline && !cancelled.get()) {
            Thread.sleep(200);
        }
    }

    private DemoResult finish(
            DemoRun run, DemoPlan plan, List<StreamedEvent> events, LoopParts loop, OptionalDouble testBefore)
            throws Exception {
        DemoResult.Builder result = DemoResult.builder()
                .setRun(run.runId(), run.modelName())
                .setStack(run.endpoints().bootstrapServers(), run.endpoints().schemaRegistryUrl())
                .setStream(events)
                .setFiles(DemoResult.Files.in(run.folder()));
        long servedAtEnd = stopLoop(loop, result);
        result.optTestScores(testBefore, scoreAfterRounds(run, servedAtEnd, plan.test()));
        DemoResult done =
                result.setElapsed(elapsed()).optCancelled(cancelled.get()).build();
        RunReport.drawCharts(done, settings);
        RunReport.writeSummary(done, settings, out);
        return done;
    }

    /** Takes what the loop measured, then stops it; returns the version served at the end (1 without a loop). */
    private long stopLoop(LoopParts loop, DemoResult.Builder result) {
        long servedAtEnd = 1;
        if (loop != null) {
            ClassificationCollector collector = loop.collector();
            List<ClassifiedEvent> classified = collector.classified();
            List<VersionDecision> decisions = loop.watcher().decisions();
            servedAtEnd = loop.classifier().metrics().servedVersion();
            result.optSent(loop.streamer().sent())
                    .optClassified(classified, settings.window(), collector.duplicates())
                    .optVersions(decisions, servedAtEnd)
                    .optCorrections(collector.corrections(), collector.correctionsWithText());
        }
        say("Stopping the classifier and the trainer ...");
        closeLoop();
        if (loop != null) {
            loop.reviewPage().ifPresent(page -> result.optReviewLabels(page.sent()));
        }
        return servedAtEnd;
    }

    /** The test score of the version served at the end, when rounds replaced version 1 and the run went on. */
    private OptionalDouble scoreAfterRounds(DemoRun run, long servedAtEnd, List<LabelledText> test) throws Exception {
        return servedAtEnd > 1 && !cancelled.get() ? scoreTest(run, servedAtEnd, test) : OptionalDouble.empty();
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private void closeLoop() {
        while (!open.isEmpty()) {
            AutoCloseable part = open.pop();
            try {
                part.close();
            } catch (Exception e) {
                out.println("streamtune demo: closing " + part.getClass().getSimpleName() + " failed: " + e);
            }
        }
    }

    void say(String line) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        out.printf(Locale.ROOT, "[%3d:%02d] %s%n", seconds / 60, seconds % 60, line);
        out.flush();
    }
}
