package io.streamtune.trainer.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.artifact.ModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.model.training.LabeledText;
import io.streamtune.model.training.ProgressListener;
import io.streamtune.schemas.FeedbackKind;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.Topics;
import io.streamtune.trainer.config.TrainerTopics;
import io.streamtune.trainer.gate.Gate;
import io.streamtune.trainer.publish.PublishedVersions;
import io.streamtune.trainer.publish.PublisherFencedException;
import io.streamtune.trainer.publish.VersionPublisher;
import io.streamtune.trainer.tuning.ModelTuner;
import io.streamtune.trainer.tuning.TunedCandidate;
import io.streamtune.trainer.tuning.TuningJob;
import io.streamtune.trainer.tuning.TuningSettings;
import io.streamtune.trainer.tuning.WordVoteTuner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundRunnerTest {

    private static final String MODEL = "sentiment";
    private static final List<String> LABELS = List.of("neg", "pos");
    private static final ConsumerGroupMetadata GROUP = group();
    private static final TopicPartition TRAINING_SET = new TopicPartition(Topics.TRAINING_SET, 0);

    @TempDir
    Path root;

    private final WordVoteTuner tuner = new WordVoteTuner();
    private final MockProducer<String, SpecificRecord> producer =
            new MockProducer<>(true, null, new StringSerializer(), (topic, value) -> new byte[0]);
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private FileSystemModelStore store;
    private CandidateTrainer trainer;
    private VersionPublisher publisher;
    private RoundRunner runner;

    @BeforeEach
    void setUp() throws IOException {
        store = new FileSystemModelStore(root);
        publisher = new VersionPublisher(producer, "streamtune-trainer-publisher-" + MODEL, TrainerTopics.defaults());
        useTuner(tuner);
    }

    private void useTuner(ModelTuner modelTuner) {
        trainer = new CandidateTrainer(
                MODEL, LABELS, store, modelTuner, new TuningSettings(1, 8, 1e-4, 64, 1), ProgressListener.logging());
        runner = new RoundRunner(
                trainer,
                this::published,
                publisher,
                new Holdout(0.2),
                new ReplaySampler(1.0),
                new Gate("accuracy", 0.0),
                7,
                clock);
    }

    @Test
    void shouldGateOnTheTunersHoldoutReportAndEvaluateOnlyTheVersionInService() throws IOException {
        ReportingTuner reporting = new ReportingTuner(tuner);
        useTuner(reporting);
        bootstrap();

        RoundOutcome outcome = runner.run(snapshot(examples("c", 60, "quokka visit today", "pos"), 250))
                .orElseThrow();

        assertThat(reporting.evaluated).containsExactly(1L);
        assertThat(reporting.reports).hasSize(2);
        EvaluationReport candidate = reporting.reports.get(1);
        assertThat(outcome.decision().candidate()).isEqualTo(candidate.accuracy());
        assertThat(versions().get(3).getMetrics()).containsEntry("accuracy", candidate.accuracy());
    }

    /** Reports from fine-tuning (as the BERT tuner does) and records which versions it is asked to evaluate. */
    private static final class ReportingTuner implements ModelTuner {

        private final WordVoteTuner delegate;
        private final List<Long> evaluated = new ArrayList<>();
        private final List<EvaluationReport> reports = new ArrayList<>();
        private final List<TuningJob> jobs = new ArrayList<>();

        ReportingTuner(WordVoteTuner delegate) {
            this.delegate = delegate;
        }

        @Override
        public StoredVersion fineTune(TuningJob job, ModelStore modelStore, ProgressListener progress)
                throws IOException {
            return delegate.fineTune(job, modelStore, progress);
        }

        @Override
        public TunedCandidate fineTuneAndEvaluate(TuningJob job, ModelStore modelStore, ProgressListener progress)
                throws IOException {
            TunedCandidate tuned = delegate.fineTuneAndEvaluate(job, modelStore, progress);
            reports.add(tuned.holdout());
            if (job.parent().isPresent()) {
                jobs.add(job);
            }
            return tuned;
        }

        @Override
        public EvaluationReport evaluate(StoredVersion version, List<String> labels, List<LabeledText> holdout)
                throws IOException {
            evaluated.add(version.version());
            return delegate.evaluate(version, labels, holdout);
        }
    }

    @Test
    void shouldBootstrapFirstVersionAndWriteItsExamplesToTheTrainingSet() throws IOException {
        RoundOutcome outcome = bootstrap();

        assertThat(outcome.version()).isEqualTo(1);
        assertThat(versions())
                .extracting(ModelVersion::getStatus)
                .containsExactly(ModelStatus.CANDIDATE, ModelStatus.PROMOTED);
        ModelVersion promoted = versions().get(1);
        StoredVersion stored = store.resolve(MODEL, 1);
        assertThat(promoted.getArtifactUri()).isEqualTo(stored.uri().toString());
        assertThat(promoted.getSha256()).isEqualTo(stored.manifestSha256());
        assertThat(promoted.getParentVersion()).isNull();
        assertThat(promoted.getMetrics()).containsKey("accuracy");
        assertThat(trainingSetRecords()).hasSize(100).allMatch(c -> c.getAnnotator()
                .equals(Bootstrapper.ANNOTATOR));
        assertThat(producer.consumerGroupOffsetsHistory().get(0).get("rounds"))
                .containsEntry(TRAINING_SET, new OffsetAndMetadata(100));
        assertThat(producer.transactionCommitted()).isTrue();
    }

    @Test
    void shouldRefuseSecondBootstrap() throws IOException {
        bootstrap();

        assertThatThrownBy(this::bootstrap).hasMessageContaining("already has version 1");
    }

    @Test
    void shouldPromoteCandidateThatLearnedTheCorrections() throws IOException {
        bootstrap();
        List<Example> fresh = examples("c", 60, "quokka visit today", "pos");

        Optional<RoundOutcome> outcome = runner.run(snapshot(fresh, 250));

        assertThat(outcome).isPresent();
        assertThat(outcome.get().version()).isEqualTo(2);
        assertThat(outcome.get().decision().promote()).isTrue();
        List<ModelVersion> round = versions().subList(2, 4);
        assertThat(round)
                .extracting(ModelVersion::getStatus)
                .containsExactly(ModelStatus.CANDIDATE, ModelStatus.PROMOTED);
        assertThat(round.get(1).getParentVersion()).isEqualTo(1L);
        assertThat(round.get(1).getMetrics()).containsKeys("accuracy", "inService.accuracy");
        assertThat(round.get(1).getMetrics().get("accuracy"))
                .isGreaterThan(round.get(1).getMetrics().get("inService.accuracy"));
        assertThat(producer.consumerGroupOffsetsHistory().get(1).get("rounds"))
                .containsEntry(TRAINING_SET, new OffsetAndMetadata(250));
        assertThat(tuner.predict(store.resolve(MODEL, 2), LABELS, "a quokka")).isEqualTo("pos");
    }

    @Test
    void shouldGrowTheCandidatesLabelsByTheNewLabelsOfOpenLabelCorrections() throws IOException {
        bootstrap();
        List<Example> fresh = new ArrayList<>(examples("c", 60, "quokka visit today", "pos"));
        fresh.addAll(examples("n", 60, "wombat sighting", "neutral"));

        RoundOutcome outcome = runner.run(snapshot(fresh, 250)).orElseThrow();

        List<ModelVersion> round = versions().subList(2, 4);
        assertThat(round).allSatisfy(record -> assertThat(record.getLabels()).containsExactly("neg", "pos", "neutral"));
        assertThat(round.get(1).getMetrics()).containsKeys("recall.neutral", "confusion.neutral->neutral");
        assertThat(tuner.predict(store.resolve(MODEL, outcome.version()), List.of("neg", "pos", "neutral"), "a wombat"))
                .isEqualTo("neutral");
    }

    @Test
    void shouldRecordBothVersionsOnTheAuditHoldoutAndNeverTrainOnIt() throws IOException {
        ReportingTuner reporting = new ReportingTuner(tuner);
        useTuner(reporting);
        bootstrap();
        List<Example> fresh = new ArrayList<>(examples("c", 60, "quokka visit today", "pos"));
        IntStream.range(0, 40)
                .mapToObj(i -> new Example("a" + i, "wombat sighting " + i, "neg", false, FeedbackKind.AUDIT))
                .forEach(fresh::add);

        runner.run(snapshot(fresh, 250)).orElseThrow();

        Map<String, Double> metrics = versions().get(3).getMetrics();
        assertThat(metrics)
                .containsEntry("auditHoldout.examples", 40.0)
                .containsKeys(
                        "auditHoldout.accuracy",
                        "auditHoldout.macroF1",
                        "inService.auditHoldout.accuracy",
                        "inService.auditHoldout.macroF1",
                        "examples");
        assertThat(reporting.jobs).singleElement().satisfies(job -> {
            assertThat(job.train()).noneMatch(text -> text.text().contains("wombat"));
            assertThat(job.holdout()).noneMatch(text -> text.text().contains("wombat"));
            assertThat(job.lexicalTrain()).noneMatch(text -> text.text().contains("wombat"));
        });
        assertThat(reporting.evaluated).contains(1L, 2L);
    }

    @Test
    void shouldRejectCandidateWorseThanTheVersionInService() throws IOException {
        bootstrap();
        tuner.forgetful = true;

        RoundOutcome outcome = runner.run(snapshot(examples("c", 60, "quokka visit today", "pos"), 250))
                .orElseThrow();

        assertThat(outcome.decision().promote()).isFalse();
        assertThat(versions().get(3).getStatus()).isEqualTo(ModelStatus.REJECTED);
        assertThat(published().inService().orElseThrow().getVersion()).isEqualTo(1L);
    }

    @Test
    void shouldSkipVersionLeftInTheStoreByACrashedRound() throws IOException {
        bootstrap();
        TuningJob orphan = new TuningJob(
                MODEL, 2, Optional.empty(), LABELS, List.of(), List.of(), new TuningSettings(1, 8, 1e-4, 64, 1));
        tuner.fineTune(orphan, store, ProgressListener.logging());

        RoundOutcome outcome =
                runner.run(snapshot(examples("c", 60, "quokka", "pos"), 250)).orElseThrow();

        assertThat(outcome.version()).isEqualTo(3);
        assertThat(versions().get(3).getParentVersion()).isEqualTo(1L);
    }

    @Test
    void shouldPublishNothingWhenFenced() throws IOException {
        bootstrap();
        producer.fenceProducer();

        assertThatThrownBy(() -> runner.run(snapshot(examples("c", 60, "quokka", "pos"), 250)))
                .isInstanceOf(PublisherFencedException.class);
        assertThat(versions()).hasSize(2);
    }

    /** Production code takes the metadata from its consumer; a test has none, hence the deprecated constructor. */
    @SuppressWarnings("removal")
    private static ConsumerGroupMetadata group() {
        return new ConsumerGroupMetadata("rounds");
    }

    private RoundOutcome bootstrap() throws IOException {
        List<Example> initial = new ArrayList<>(examples("p", 50, "great lovely film", "pos"));
        initial.addAll(examples("n", 50, "awful boring film", "neg"));
        return new Bootstrapper(trainer, publisher, new Holdout(0.2), clock).run(published(), initial, GROUP);
    }

    private TrainingSetCache.Snapshot snapshot(List<Example> fresh, long position) {
        List<Example> earlier = trainingSetRecords().stream()
                .map(c -> new Example(c.getEventId(), c.getText(), c.getLabel()))
                .toList();
        return new TrainingSetCache.Snapshot(
                earlier, fresh, Map.of(TRAINING_SET, new OffsetAndMetadata(position)), GROUP);
    }

    private static List<Example> examples(String prefix, int count, String text, String label) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Example(prefix + i, text + " " + i, label))
                .toList();
    }

    private List<ModelVersion> versions() {
        return producer.history().stream()
                .filter(record -> record.topic().equals(Topics.MODEL_VERSIONS))
                .map(record -> (ModelVersion) record.value())
                .toList();
    }

    private List<LabelCorrection> trainingSetRecords() {
        return producer.history().stream()
                .filter(record -> record.topic().equals(Topics.TRAINING_SET))
                .map(ProducerRecord::value)
                .map(LabelCorrection.class::cast)
                .toList();
    }

    private PublishedVersions published() {
        List<ModelVersion> all = versions();
        long max = all.stream().mapToLong(ModelVersion::getVersion).max().orElse(0);
        Optional<ModelVersion> serving =
                all.stream().filter(v -> v.getStatus() == ModelStatus.PROMOTED).reduce((a, b) -> b);
        return new PublishedVersions(max, serving);
    }
}
