package io.streamtune.trainer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.artifact.ModelArtifact;
import io.streamtune.model.artifact.ModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.model.training.LabeledText;
import io.streamtune.model.training.ProgressListener;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.testsupport.FaultReport;
import io.streamtune.testsupport.KafkaStack;
import io.streamtune.trainer.Trainer;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.publish.PublishedVersions;
import io.streamtune.trainer.round.RoundLoop;
import io.streamtune.trainer.tuning.ModelTuner;
import io.streamtune.trainer.tuning.TuningJob;
import io.streamtune.trainer.tuning.WordVoteTuner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The model store's root folder goes away (its volume unmounted: here, the folder renamed) while a round is due
 * or while it trains: the round fails with a log line naming the store root, nothing is published, the root is
 * not re-created, ingestion goes on and the training set loses nothing; once the folder is back, the round is
 * retried and publishes the next version.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class StoreUnreachableRoundIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> roundLog = new ListAppender<>();

    @BeforeEach
    void captureRoundLog() {
        roundLog.start();
        ((Logger) LoggerFactory.getLogger(RoundLoop.class)).addAppender(roundLog);
    }

    @AfterEach
    void releaseRoundLog() {
        ((Logger) LoggerFactory.getLogger(RoundLoop.class)).detachAppender(roundLog);
    }

    @Test
    void shouldPublishNothingWhileTheStoreRootIsGoneWhenARoundIsDueAndPublishOnceItIsBack() throws Exception {
        Path storeRoot = dir.resolve("models");
        Path unmounted = dir.resolve("models-unmounted");
        TrainerStack topics = new TrainerStack(STACK);
        TrainerConfig config = config(topics, storeRoot);
        Trainer.bootstrap(config, new WordVoteTuner(), TrainerStack.bootstrapExamples());

        try (Trainer trainer = Trainer.start(config, new WordVoteTuner(), fatal -> {})) {
            Files.move(storeRoot, unmounted);
            List<String> sent = new ArrayList<>(
                    topics.sendCorrections("c", FaultReport.scale().pick(30, 300)));

            Outage outage = awaitFailedRoundsThenRestore(trainer, topics, config, sent, unmounted, storeRoot);

            awaitPromoted(topics, config, 2);
            record("store root gone when a round is due", sent, topics, outage, storeRoot, config);
        }
    }

    @Test
    void shouldNotRecreateTheStoreRootWhenItVanishesWhileTrainingAndPublishOnceItIsBack() throws Exception {
        Path storeRoot = dir.resolve("models");
        Path unmounted = dir.resolve("models-unmounted");
        TrainerStack topics = new TrainerStack(STACK);
        TrainerConfig config = config(topics, storeRoot);
        Trainer.bootstrap(config, new WordVoteTuner(), TrainerStack.bootstrapExamples());
        ModelTuner unmountingOnce = new UnmountingTuner(new WordVoteTuner(), storeRoot, unmounted);

        try (Trainer trainer = Trainer.start(config, unmountingOnce, fatal -> {})) {
            List<String> sent = new ArrayList<>(
                    topics.sendCorrections("c", FaultReport.scale().pick(30, 300)));

            Outage outage = awaitFailedRoundsThenRestore(trainer, topics, config, sent, unmounted, storeRoot);

            awaitPromoted(topics, config, 2);
            record("store root gone while a round trains", sent, topics, outage, storeRoot, config);
        }
    }

    /** What the outage looked like before the folder came back. */
    private record Outage(int failedRounds, String logLine) {}

    private Outage awaitFailedRoundsThenRestore(
            Trainer trainer, TrainerStack topics, TrainerConfig config, List<String> sent, Path away, Path storeRoot)
            throws IOException {
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> assertThat(trainer.metrics().value("rounds-failed-total"))
                        .isGreaterThanOrEqualTo(2.0));
        sent.addAll(topics.sendCorrections("d", 5));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(topics.trainingSetCountsByKey())
                .containsKeys(sent.toArray(String[]::new)));
        assertThat(trainer.ingestionState()).isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);
        assertThat(trainer.isHealthy()).isTrue();
        assertThat(published(topics, config).maxVersion()).isEqualTo(1);
        assertThat(storeRoot).doesNotExist();
        ILoggingEvent failure = roundLog.list.stream()
                .filter(event -> event.getLevel() == Level.ERROR && event.getThrowableProxy() != null)
                .reduce((first, second) -> second)
                .orElseThrow();
        String logLine = failure.getFormattedMessage() + ": "
                + failure.getThrowableProxy().getMessage();
        assertThat(logLine).contains("Round failed; retrying", "model store root " + storeRoot, "is gone");
        int failed = (int) trainer.metrics().value("rounds-failed-total");
        Files.move(away, storeRoot);
        return new Outage(failed, logLine);
    }

    private static void awaitPromoted(TrainerStack topics, TrainerConfig config, long version) {
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> assertThat(published(topics, config).inService())
                        .get()
                        .extracting(ModelVersion::getVersion, ModelVersion::getStatus)
                        .containsExactly(version, ModelStatus.PROMOTED));
    }

    private static void record(
            String scenario,
            List<String> sent,
            TrainerStack topics,
            Outage outage,
            Path storeRoot,
            TrainerConfig config)
            throws IOException {
        Map<String, Long> counts = topics.trainingSetCountsByKey();
        long lost = sent.stream().filter(id -> !counts.containsKey(id)).count();
        long duplicated = counts.values().stream().mapToLong(c -> c - 1).sum();
        assertThat(lost).isZero();
        assertThat(duplicated).isZero();
        FileSystemModelStore store = new FileSystemModelStore(storeRoot);
        List<Long> stored = store.versions(config.modelName());
        assertThat(stored).containsExactly(1L, 2L);
        for (long version : stored) {
            assertThat(store.resolve(config.modelName(), version).version()).isEqualTo(version);
        }
        FaultReport.record(new FaultReport.Row(
                scenario,
                sent.size(),
                "store root renamed away (unmounted volume), renamed back after " + outage.failedRounds()
                        + " failed rounds",
                lost,
                duplicated,
                0,
                "while gone: nothing published, root not re-created, ingestion running; log: \"" + outage.logLine()
                        + "\"; after it is back: v2 PROMOTED, store " + stored));
    }

    private static TrainerConfig config(TrainerStack topics, Path storeRoot) {
        Map<String, Object> settings = topics.settings(storeRoot);
        settings.put(TrainerConfig.ROUND_TRIGGER_CORRECTIONS, "20");
        settings.put(TrainerConfig.ROUND_RETRY_BACKOFF_MS, "1000");
        return new TrainerConfig(settings);
    }

    private static PublishedVersions published(TrainerStack topics, TrainerConfig config) {
        try (KafkaConsumer<String, ModelVersion> consumer = topics.versionsConsumer()) {
            consumer.unsubscribe();
            return PublishedVersions.read(consumer, topics.modelVersions, config.modelName(), Duration.ofSeconds(30));
        }
    }

    /** Renames the store root away once, when the first candidate is trained (from its parent) and not stored. */
    private static final class UnmountingTuner implements ModelTuner {

        private final WordVoteTuner delegate;
        private final Path storeRoot;
        private final Path away;
        private final AtomicBoolean unmounted = new AtomicBoolean();

        UnmountingTuner(WordVoteTuner delegate, Path storeRoot, Path away) {
            this.delegate = delegate;
            this.storeRoot = storeRoot;
            this.away = away;
        }

        /** Like a real tuner, reads the parent first and writes the candidate at the end. */
        @Override
        public StoredVersion fineTune(TuningJob job, ModelStore store, ProgressListener progress) throws IOException {
            ModelArtifact candidate = delegate.artifact(job, progress);
            if (unmounted.compareAndSet(false, true)) {
                Files.move(storeRoot, away);
            }
            return store.put(candidate);
        }

        @Override
        public EvaluationReport evaluate(StoredVersion version, List<String> labels, List<LabeledText> holdout)
                throws IOException {
            return delegate.evaluate(version, labels, holdout);
        }
    }
}
