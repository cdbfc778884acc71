package io.streamtune.quality.loop;

import io.streamtune.model.classify.ClassifierSettings;
import io.streamtune.model.training.ProgressListener;
import io.streamtune.quality.baseline.BagOfWordsBaseline;
import io.streamtune.quality.proxy.ProxyData;
import io.streamtune.quality.proxy.ProxyEvent;
import io.streamtune.review.accuracy.VersionAccuracy;
import io.streamtune.schemas.FeedbackKind;
import io.streamtune.trainer.RoundComponents;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.gate.GateDecision;
import io.streamtune.trainer.round.Example;
import io.streamtune.trainer.round.RoundOutcome;
import io.streamtune.trainer.round.RoundRunner;
import io.streamtune.trainer.tuning.ModelTuner;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the continual-learning loop on a proxy, driving the trainer's own {@code Bootstrapper} and {@code
 * RoundRunner} (wired by {@link RoundComponents} from the run's {@link TrainerConfig}, publishing to an in-memory
 * stand-in for Kafka):
 *
 * <ol>
 *   <li>bootstrap version 1 on the proxy's seed, as {@code trainer bootstrap} does;
 *   <li>stream the events in order; the version in service classifies each one, and a simulated annotator corrects
 *       a share of the mistakes with the true label, into the training set; or, with a budget, labels that many
 *       items of each review window: its first mistakes ({@link Annotator#ARRIVAL}) or its least sure
 *       classifications ({@link Annotator#UNCERTAIN}, a confirmation when the model was right);
 *   <li>when the trainer's trigger fires on the new corrections ({@code round.trigger.corrections}), run a round:
 *       train from the version in service, gate against it on the holdout, and serve the candidate if promoted;
 *   <li>after the stream, one last round if corrections are pending.
 * </ol>
 *
 * Rounds take no stream time here (the stream waits for them), and the trigger's interval never fires. After
 * bootstrap and each round, the version in service (and a rejected candidate) is scored on the test split, next to
 * the bag-of-words baseline trained on the same labels. An audit sample of the streamed events ({@link AuditTally})
 * estimates each version's accuracy as the workbench's audit lane would.
 */
public final class LoopSimulation {

    private static final Logger LOG = LoggerFactory.getLogger(LoopSimulation.class);
    private static final int CHUNK = 32;
    private static final ConsumerGroupMetadata GROUP = group();
    private static final ProgressListener QUIET = progress -> {};

    private final ProxyData proxy;
    private final ClassifierSettings inference;
    private final LoopSettings settings;
    private final RoundComponents components;
    private final InMemoryVersions versions;
    private final TrainingSetState trainingSet = new TrainingSetState();
    private final SimulatedAnnotator annotator;
    private final StreamWindows windows;
    private final AuditTally audit;
    private final List<Example> test;
    private final List<CurvePoint> curve = new ArrayList<>();
    private final List<Example> bootstrapHoldout;
    private ServingModel serving;
    private int streamed;
    private int streamCorrect;
    private int corrections;
    private int labels;

    private LoopSimulation(
            ProxyData proxy,
            ClassifierSettings inference,
            LoopSettings settings,
            RoundComponents components,
            InMemoryVersions versions) {
        this.proxy = proxy;
        this.inference = inference;
        this.settings = settings;
        this.components = components;
        this.versions = versions;
        this.annotator =
                new SimulatedAnnotator(settings.correctShare(), proxy.stream().size(), settings.seed());
        this.windows = new StreamWindows(settings.window());
        this.audit = new AuditTally(proxy.name(), settings.auditRate());
        this.test = examples(proxy.test());
        this.bootstrapHoldout =
                components.holdout().split(examples(proxy.seed())).heldOut();
    }

    /**
     * Runs the loop.
     *
     * @param config the trainer configuration of the run (its model store receives every version)
     * @param tuner fine-tunes and evaluates, as in the trainer
     * @param inference how versions are loaded to classify the stream and the test split
     */
    public static RunResult run(
            ProxyData proxy,
            TrainerConfig config,
            ModelTuner tuner,
            ClassifierSettings inference,
            LoopSettings settings)
            throws IOException {
        RoundComponents components = RoundComponents.from(config, tuner, QUIET);
        try (InMemoryVersions versions =
                new InMemoryVersions(config.topics(), config.modelName(), config.transactionalId())) {
            LoopSimulation simulation = new LoopSimulation(proxy, inference, settings, components, versions);
            try {
                return simulation.execute();
            } finally {
                if (simulation.serving != null) {
                    simulation.serving.close();
                }
            }
        }
    }

    private RunResult execute() throws IOException {
        bootstrap();
        RoundRunner runner = components.runner(versions::published, versions.publisher(), Clock.systemUTC());
        if (settings.budgeted()) {
            streamBudgeted(runner);
        } else {
            stream(runner);
        }
        if (trainingSet.freshCount() > 0) {
            round(runner);
        }
        Score allLabels =
                Score.of(BagOfWordsBaseline.train(examples(proxy.allLabelled())).evaluate(proxy.labels(), test));
        Map<Long, VersionAccuracy> audited = audit.byVersion();
        logAudits(audited);
        return new RunResult(
                proxy.name(), settings.seed(), streamed, streamCorrect, curve, windows.windows(), allLabels, audited);
    }

    private void bootstrap() throws IOException {
        long start = System.nanoTime();
        RoundOutcome outcome = components
                .bootstrapper(versions.publisher(), Clock.systemUTC())
                .run(versions.published(), examples(proxy.seed()), GROUP);
        double seconds = secondsSince(start);
        trainingSet.addConsumed(versions.trainingSetRecords());
        serving = ServingModel.load(components.trainer().resolve(outcome.version()), inference);
        Score score = serving.evaluate(proxy.labels(), test);
        record(0, Outcome.BOOTSTRAP, outcome, seconds, score, score);
    }

    private void stream(RoundRunner runner) throws IOException {
        List<ProxyEvent> events = proxy.stream();
        int next = 0;
        while (next < events.size()) {
            List<ProxyEvent> chunk = events.subList(next, Math.min(events.size(), next + CHUNK));
            List<String> predicted =
                    serving.predict(chunk.stream().map(ProxyEvent::text).toList());
            int reviewed = 0;
            boolean roundRan = false;
            while (reviewed < chunk.size() && !roundRan) {
                review(next + reviewed, chunk.get(reviewed), predicted.get(reviewed));
                reviewed++;
                if (roundDue()) {
                    round(runner);
                    roundRan = true;
                }
            }
            next += reviewed;
        }
    }

    private void review(int index, ProxyEvent event, String predicted) {
        boolean right = predicted.equals(event.label());
        boolean corrected = annotator.corrects(index, !right);
        if (corrected) {
            label(event, false);
        }
        count(event, predicted, corrected);
    }

    /**
     * The stream in review windows: the version in service classifies a window, the annotator labels the items it
     * chooses, then a round runs if due. Both annotators get {@code budget} labels per window, and an arrival
     * annotator that found fewer mistakes than its allowance keeps the rest for later windows.
     */
    private void streamBudgeted(RoundRunner runner) throws IOException {
        List<ProxyEvent> events = proxy.stream();
        int windowsSeen = 0;
        for (int first = 0; first < events.size(); first += settings.reviewWindow()) {
            List<ProxyEvent> window = events.subList(first, Math.min(events.size(), first + settings.reviewWindow()));
            List<Classified> classified =
                    serving.classify(window.stream().map(ProxyEvent::text).toList());
            windowsSeen++;
            int allowance = settings.budget() * windowsSeen - labels;
            Set<Integer> chosen = new HashSet<>(choose(window, classified, allowance));
            for (int i = 0; i < window.size(); i++) {
                ProxyEvent event = window.get(i);
                String predicted = classified.get(i).label();
                boolean labelled = chosen.contains(i);
                if (labelled) {
                    label(event, predicted.equals(event.label()));
                }
                count(event, predicted, labelled && !predicted.equals(event.label()));
            }
            if (roundDue()) {
                round(runner);
            }
        }
    }

    private List<Integer> choose(List<ProxyEvent> window, List<Classified> classified, int allowance) {
        return settings.annotator() == Annotator.UNCERTAIN
                ? LabelChoice.uncertain(classified, allowance)
                : LabelChoice.arrivalMistakes(
                        classified, window.stream().map(ProxyEvent::label).toList(), allowance);
    }

    /** The true label into the training set: a confirmation when the model was right, else a correction. */
    private void label(ProxyEvent event, boolean modelWasRight) {
        FeedbackKind kind = modelWasRight ? FeedbackKind.CONFIRMATION : FeedbackKind.CORRECTION;
        trainingSet.add(new Example(event.id(), event.text(), event.label(), false, kind));
        labels++;
        corrections += modelWasRight ? 0 : 1;
    }

    private void count(ProxyEvent event, String predicted, boolean corrected) {
        boolean right = predicted.equals(event.label());
        streamed++;
        streamCorrect += right ? 1 : 0;
        windows.record(right, corrected, serving.version());
        audit.observe(event, serving.version(), predicted);
    }

    private void logAudits(Map<Long, VersionAccuracy> audited) {
        audited.values()
                .forEach(accuracy -> LOG.info(
                        "{} seed {} audit of v{}: {}",
                        proxy.name(),
                        settings.seed(),
                        accuracy.version(),
                        String.format(
                                Locale.ROOT,
                                "accuracy %.3f [%.3f, %.3f] on %d audited events",
                                accuracy.accuracy(),
                                accuracy.interval().low(),
                                accuracy.interval().high(),
                                accuracy.audited())));
    }

    /** The trainer's own trigger on the new corrections; no time passes, so only the count can fire it. */
    private boolean roundDue() {
        Instant now = Instant.EPOCH;
        return components
                .trigger()
                .check(trainingSet.freshCount(), now, now, false)
                .isPresent();
    }

    private void round(RoundRunner runner) throws IOException {
        int step = curve.size();
        long start = System.nanoTime();
        Optional<RoundOutcome> ran = runner.run(trainingSet.snapshot(GROUP));
        double seconds = secondsSince(start);
        trainingSet.markConsumed();
        Score before = curve.get(curve.size() - 1).test();
        if (ran.isEmpty()) {
            record(step, Outcome.SKIPPED, null, seconds, before, Score.NONE);
            return;
        }
        RoundOutcome outcome = ran.get();
        if (outcome.decision().promote()) {
            serve(outcome.version());
            Score score = serving.evaluate(proxy.labels(), test);
            record(step, Outcome.PROMOTED, outcome, seconds, score, score);
        } else {
            record(step, Outcome.REJECTED, outcome, seconds, before, evaluateStored(outcome.version()));
        }
    }

    private void serve(long version) throws IOException {
        ServingModel next = ServingModel.load(components.trainer().resolve(version), inference);
        serving.close();
        serving = next;
    }

    private Score evaluateStored(long version) throws IOException {
        try (ServingModel candidate = ServingModel.load(components.trainer().resolve(version), inference)) {
            return candidate.evaluate(proxy.labels(), test);
        }
    }

    private void record(int step, Outcome kind, RoundOutcome outcome, double seconds, Score test, Score candidate) {
        Optional<GateDecision> decision = Optional.ofNullable(outcome).map(RoundOutcome::decision);
        Score bagOfWords = Score.of(BagOfWordsBaseline.train(trainingSet.all()).evaluate(proxy.labels(), this.test));
        CurvePoint point = new CurvePoint(
                step,
                streamed,
                proxy.seed().size() + labels,
                kind,
                outcome == null ? 0 : outcome.version(),
                serving.version(),
                outcome == null ? 0 : outcome.trainedOn(),
                decision.map(GateDecision::candidate).orElse(Double.NaN),
                decision.map(GateDecision::inService).orElse(Double.NaN),
                seconds,
                test,
                candidate,
                bagOfWords,
                serving.evaluate(proxy.labels(), bootstrapHoldout),
                serving.sweep(proxy.labels(), this.test));
        curve.add(point);
        LOG.info("{}", progressLine(point, decision));
    }

    private String progressLine(CurvePoint point, Optional<GateDecision> decision) {
        String step = point.step() == 0 ? "bootstrap" : "round " + point.step();
        return String.format(
                Locale.ROOT,
                "%s seed %d %-9s at event %4d/%d, %4d labels: v%d %-9s %s | test acc %.3f F1 %.3f%s | BoW acc %.3f"
                        + " F1 %.3f | bootstrap holdout acc %.3f | %s | %.1f s",
                proxy.name(),
                settings.seed(),
                step,
                point.streamed(),
                proxy.stream().size(),
                point.labelsUsed(),
                point.candidateVersion(),
                point.outcome(),
                decision.map(GateDecision::reason).orElse(""),
                point.test().accuracy(),
                point.test().macroF1(),
                point.outcome() == Outcome.REJECTED
                        ? String.format(
                                Locale.ROOT,
                                " (candidate %.3f)",
                                point.candidateTest().accuracy())
                        : "",
                point.bagOfWords().accuracy(),
                point.bagOfWords().macroF1(),
                point.bootstrapHoldout().accuracy(),
                fusionSummary(point),
                point.seconds());
    }

    private static String fusionSummary(CurvePoint point) {
        StringBuilder summary = new StringBuilder("test acc by fusion weight");
        CurvePoint.FUSION_KEYS.forEach(key -> summary.append(
                String.format(Locale.ROOT, " %s %.3f", key, point.fusion(key).accuracy())));
        return summary.toString();
    }

    /**
     * The trainer takes the metadata from its training-set consumer; the simulation has none (and commits no
     * offsets), hence the deprecated constructor.
     */
    @SuppressWarnings("removal")
    private static ConsumerGroupMetadata group() {
        return new ConsumerGroupMetadata("streamtune-quality");
    }

    private static List<Example> examples(List<ProxyEvent> events) {
        return events.stream().map(ProxyEvent::toExample).toList();
    }

    private static double secondsSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1e9;
    }
}
