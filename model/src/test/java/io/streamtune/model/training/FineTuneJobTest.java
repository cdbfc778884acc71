package io.streamtune.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.base.BuiltInBase;
import io.streamtune.model.bert.BertWeights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Short runs (three steps on 48 sentences) through the whole job: starting points, lineage, seed. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class FineTuneJobTest {

    private static final List<String> LABELS = List.of("neg", "pos");
    private static final FineTuneConfig SHORT =
            FineTuneConfig.builder().optEpochs(1).optEarlyStopping(1, 1).build();

    @TempDir
    Path root;

    private static FineTuneJob.Request request(long version, StartingPoint start, List<String> labels) {
        return new FineTuneJob.Request(
                "sentiment",
                version,
                start,
                labels,
                SentimentData.split("stream").subList(0, 48),
                List.of(),
                SHORT);
    }

    @Test
    void shouldProduceIdenticalWeightsForSameSeed() throws IOException {
        FineTuneJob first = new FineTuneJob(new FileSystemModelStore(root.resolve("a")), ProgressListener.logging());
        FineTuneJob second = new FineTuneJob(new FileSystemModelStore(root.resolve("b")), ProgressListener.logging());

        StoredVersion a = first.run(request(1, StartingPoint.pretrained(BuiltInBase.ALL_MINILM_L6_V2), LABELS))
                .stored();
        StoredVersion b = second.run(request(1, StartingPoint.pretrained(BuiltInBase.ALL_MINILM_L6_V2), LABELS))
                .stored();

        assertThat(a.manifest().files().get("model.safetensors"))
                .isEqualTo(b.manifest().files().get("model.safetensors"));
        assertThat(a.manifest().files().get("metrics.json"))
                .isEqualTo(b.manifest().files().get("metrics.json"));
    }

    @Test
    void shouldContinueFromStoredVersionKeepingOrReplacingTheHead() throws IOException {
        FileSystemModelStore store = new FileSystemModelStore(root);
        FineTuneJob job = new FineTuneJob(store, ProgressListener.logging());
        StoredVersion v1 = job.run(request(1, StartingPoint.pretrained(BuiltInBase.ALL_MINILM_L6_V2), LABELS))
                .stored();

        FineTuneJob.Outcome v2 = job.run(request(2, StartingPoint.fromVersion(v1), LABELS));
        List<String> wider = List.of("neg", "pos", "mixed");
        FineTuneJob.Outcome v3 = job.run(request(3, StartingPoint.fromVersion(v1), wider));

        assertThat(v2.stored().manifest().parentVersion()).isEqualTo(1L);
        assertThat(v3.stored().manifest().parentVersion()).isEqualTo(1L);
        assertThat(store.versions("sentiment")).containsExactly(1L, 2L, 3L);
        JsonNode config = new ObjectMapper()
                .readTree(store.resolve("sentiment", 3)
                        .folder()
                        .resolve("config.json")
                        .toFile());
        assertThat(config.path("id2label").path("2").asText()).isEqualTo("mixed");
        assertThat(config.path("architectures").get(0).asText()).isEqualTo("BertForSequenceClassification");
        assertThat(v3.evaluation().labels()).containsExactlyElementsOf(wider);
        assertThat(v2.training().steps()).isEqualTo(3);
    }

    @Test
    void shouldBlendARoundsWeightsWithItsParentsWhenAsked() throws IOException {
        FileSystemModelStore store = new FileSystemModelStore(root);
        FineTuneJob job = new FineTuneJob(store, ProgressListener.logging());
        StoredVersion v1 = job.run(request(1, StartingPoint.pretrained(BuiltInBase.ALL_MINILM_L6_V2), LABELS))
                .stored();
        FineTuneJob.Request tuned = request(2, StartingPoint.fromVersion(v1), LABELS);
        StoredVersion v2 = job.run(tuned).stored();
        StoredVersion v3 = job.run(new FineTuneJob.Request(
                        "sentiment",
                        3,
                        StartingPoint.fromVersion(v1),
                        LABELS,
                        tuned.examples(),
                        List.of(),
                        SHORT.toBuilder().optParentBlend(0.5f).build()))
                .stored();

        try (NDManager manager = NDManager.newBaseManager()) {
            float[] parent = classifierWeight(v1, manager);
            float[] alone = classifierWeight(v2, manager);
            float[] blended = classifierWeight(v3, manager);
            assertThat(alone).isNotEqualTo(parent);
            for (int i = 0; i < parent.length; i++) {
                assertThat(blended[i]).isCloseTo((parent[i] + alone[i]) / 2, within(1e-6f));
            }
        }
    }

    private static float[] classifierWeight(StoredVersion version, NDManager manager) throws IOException {
        return BertWeights.readSafetensors(version.folder().resolve("model.safetensors"), manager)
                .get("classifier.weight")
                .toFloatArray();
    }

    @Test
    void shouldReportTheLastStepOfARunThatStopsEarlyBetweenTwoReports() throws IOException {
        // too small a learning rate to change a prediction: the second evaluation is no better, patience 1 stops
        FineTuneConfig stalling =
                SHORT.toBuilder().optEpochs(3).optLearningRate(1e-12f).build();
        List<TrainingProgress> reports = new ArrayList<>();
        FineTuneJob job = new FineTuneJob(new FileSystemModelStore(root), reports::add);

        FineTuneJob.Outcome outcome = job.run(new FineTuneJob.Request(
                "sentiment",
                1,
                StartingPoint.pretrained(BuiltInBase.ALL_MINILM_L6_V2),
                LABELS,
                SentimentData.split("stream").subList(0, 48),
                List.of(),
                stalling));

        assertThat(outcome.training().stoppedEarly()).isTrue();
        assertThat(outcome.training().steps()).isLessThan(FineTuner.REPORT_EVERY_STEPS);
        assertThat(reports).isNotEmpty();
        assertThat(reports.get(reports.size() - 1).step())
                .isEqualTo(outcome.training().steps());
    }

    @Test
    void shouldTrainOnEveryExampleForAtLeastTheMinimumStepsWithoutAHoldout() throws IOException {
        FineTuneConfig fixed = SHORT.toBuilder()
                .optHoldoutFraction(0)
                .optMinSteps(8)
                .optLinearProbe(true)
                .build();
        List<LabeledText> evaluation = SentimentData.split("test").subList(0, 16);
        FineTuneJob job = new FineTuneJob(new FileSystemModelStore(root), ProgressListener.logging());

        FineTuneJob.Outcome outcome = job.run(new FineTuneJob.Request(
                "sentiment",
                1,
                StartingPoint.pretrained(BuiltInBase.ALL_MINILM_L6_V2),
                LABELS,
                SentimentData.split("stream").subList(0, 48),
                evaluation,
                fixed));

        assertThat(outcome.training().steps()).isEqualTo(9);
        assertThat(outcome.training().bestStep()).isEqualTo(9);
        assertThat(outcome.training().bestHoldout()).isNull();
        assertThat(outcome.evaluation().total()).isEqualTo(16);

        FineTuneJob.Outcome round = job.run(new FineTuneJob.Request(
                "sentiment",
                2,
                StartingPoint.fromVersion(outcome.stored()),
                LABELS,
                SentimentData.split("stream").subList(48, 96),
                evaluation,
                fixed));

        assertThat(round.training().steps()).isEqualTo(3);
    }
}
