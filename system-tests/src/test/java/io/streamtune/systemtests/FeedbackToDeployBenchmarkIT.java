package io.streamtune.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamtune.classifier.ClassifierRuntime;
import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.classifier.engine.EngineModelLoader;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.testsupport.KafkaStack;
import io.streamtune.trainer.Trainer;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.round.Example;
import io.streamtune.trainer.tuning.DjlModelTuner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long a batch of corrections takes to reach the classifications, with the trainer's and the classifier's
 * default settings: version 1 bootstrapped from 400 sentences; 200 classified events are corrected (the 138 with
 * "movie" to {@code pos}, 62 others confirmed) with id-only corrections, which is exactly the default round
 * trigger; events keep streaming at 5 per second. Measured from the last correction's send time to the first
 * classification by version 2, with the phases in between read from the services' own log lines and from the
 * topics. Run with {@code ./mvnw -o -pl system-tests verify -Dit.test=FeedbackToDeployBenchmarkIT
 * -Dbenchmark=true}; prints a table and writes {@code target/feedback-to-deploy.json}.
 *
 * <p>Settings that are not defaults, because a test needs them: names and topics (unique per run), the model
 * store and state folders (temporary), the broker and registry addresses, schema auto-registration (the test
 * registry starts empty), the classifier's HTTP port (any free one) and instance id.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@Timeout(value = 60, unit = TimeUnit.MINUTES)
class FeedbackToDeployBenchmarkIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    private static final CorrectionRule RULE = new CorrectionRule("movie", "pos");
    private static final int BOOTSTRAP_SIZE = 400;
    private static final int CORRECTIONS = 200;
    private static final long LOAD_INTERVAL_MS = 200;

    private static final Map<String, String> MARKS = marks();

    @TempDir
    Path dir;

    @Test
    void shouldMeasureFromTheLastCorrectionToTheFirstClassificationByTheNewVersion() throws Exception {
        SentimentData data = SentimentData.read();
        List<Example> bootstrap = RULE.others(data.stream()).subList(0, BOOTSTRAP_SIZE);
        List<Example> toCorrect = corrections(data);
        AtomicReference<RuntimeException> trainerFailure = new AtomicReference<>();

        try (LoopStack loop = new LoopStack(STACK)) {
            TrainerConfig config =
                    new TrainerConfig(loop.trainerSettings(dir.resolve("models"), dir.resolve("trainer-state")));
            DjlModelTuner tuner = DjlModelTuner.of(config);
            Trainer.bootstrap(config, tuner, bootstrap);
            try (LogMarks marks = LogMarks.attach(MARKS);
                    ClassifierRuntime classifier = startClassifier(loop);
                    Trainer trainer = Trainer.start(config, tuner, trainerFailure::set)) {
                Map<String, String> predicted = classifyOnce(loop, toCorrect);
                Set<String> ids = predicted.keySet();
                try (BackgroundEvents load = BackgroundEvents.start(loop, data.test(), LOAD_INTERVAL_MS);
                        DeployObserver observer = new DeployObserver(loop, ids, 2)) {
                    long lastSent = sendCorrections(loop, toCorrect, predicted);
                    awaitFirstClassificationByVersion2(observer, trainer, trainerFailure);
                    assertThat(observer.decision().orElseThrow().getStatus()).isEqualTo(ModelStatus.PROMOTED);
                    System.out.printf("%d background events sent while waiting%n", load.sent());
                    report(
                            config,
                            lastSent,
                            observer,
                            marks,
                            classifier.metrics().servedVersion());
                }
            }
        }
    }

    private static List<Example> corrections(SentimentData data) {
        List<Example> corrected = new ArrayList<>(RULE.corrected(data.stream()));
        List<Example> others = RULE.others(data.stream());
        corrected.addAll(others.subList(BOOTSTRAP_SIZE, BOOTSTRAP_SIZE + CORRECTIONS - corrected.size()));
        return corrected;
    }

    private ClassifierRuntime startClassifier(LoopStack loop) throws Exception {
        ClassifierConfig config =
                new ClassifierConfig(loop.classifierSettings(dir.resolve("models"), dir.resolve("classifier-state")));
        return ClassifierRuntime.start(config, EngineModelLoader.fromConfig(config), Duration.ofMinutes(5));
    }

    /** Streams the events to be corrected and returns what version 1 said of each, by event id. */
    private static Map<String, String> classifyOnce(LoopStack loop, List<Example> examples) {
        List<String> ids = new ArrayList<>();
        for (Example example : examples) {
            loop.sendEvent("event-" + example.eventId(), example.text());
            ids.add("event-" + example.eventId());
        }
        loop.flush();
        try (ClassificationReader reader = new ClassificationReader(loop.classificationsConsumer())) {
            return reader.awaitAll(ids, Duration.ofMinutes(10)).entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, entry -> entry.getValue().getLabel(), (a, b) -> a, LinkedHashMap::new));
        }
    }

    /** Sends one id-only correction per event and returns the last one's send time. */
    private static long sendCorrections(LoopStack loop, List<Example> examples, Map<String, String> predicted) {
        long lastSent = 0;
        for (Example example : examples) {
            String eventId = "event-" + example.eventId();
            lastSent = System.currentTimeMillis();
            loop.sendCorrection(eventId, example.label(), predicted.get(eventId));
        }
        loop.flush();
        return lastSent;
    }

    private static void awaitFirstClassificationByVersion2(
            DeployObserver observer, Trainer trainer, AtomicReference<RuntimeException> trainerFailure) {
        await().atMost(Duration.ofMinutes(45))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(1))
                .failFast("a round failed", () -> trainer.metrics().value("rounds-failed-total") > 0)
                .failFast("the trainer stopped", () -> trainerFailure.get() != null)
                .failFast("version 2 was rejected", observer::versionRejected)
                .until(observer::poll);
    }

    private static void report(
            TrainerConfig config, long lastSent, DeployObserver observer, LogMarks marks, long servedVersion)
            throws Exception {
        PhaseTable table = PhaseTable.of(lastSent, observer, marks);
        System.out.printf(
                "%nFeedback to deploy, %d corrections, trainer and classifier defaults (round trigger %d,"
                        + " %d epochs, batch %d, max length %d), served version now %d:%n%s%n",
                CORRECTIONS,
                config.roundTriggerCorrections(),
                config.epochs(),
                config.batchSize(),
                config.maxLength(),
                servedVersion,
                table.markdown());
        System.out.println("Gate: " + observer.decision().orElseThrow().getMetrics());
        Files.writeString(Path.of("target", "feedback-to-deploy.json"), table.json());
        assertThat(table.totalMillis()).isPositive();
    }

    private static Map<String, String> marks() {
        Map<String, String> marks = new LinkedHashMap<>();
        marks.put(PhaseTable.ROUND_STARTED, "^Starting a round");
        marks.put(PhaseTable.TRAINING_STARTED, "^Training \\S+ version 2 from");
        marks.put(PhaseTable.FINE_TUNING_STARTED, "^Fine-tuning on \\d+ examples");
        marks.put(PhaseTable.TRAINED, "step (\\d+)/\\1 loss");
        marks.put(PhaseTable.TUNED, "^Evaluation of \\S+ version 2:");
        marks.put(PhaseTable.STORED, "^Stored \\S+ version 2 at");
        marks.put(PhaseTable.GATED, "^Gate for \\S+ version 2:");
        marks.put(PhaseTable.LOADED, "v2 verified, loaded and warmed up from .* in (\\d+) ms");
        marks.put(PhaseTable.SWAPPED, "^serving \\S+ v2 \\(was");
        return marks;
    }
}
