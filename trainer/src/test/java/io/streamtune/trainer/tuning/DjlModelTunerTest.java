package io.streamtune.trainer.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.base.BuiltInBase;
import io.streamtune.model.classify.ClassifierSettings;
import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.model.training.LabeledText;
import io.streamtune.model.training.ProgressListener;
import io.streamtune.model.training.StartingPoint;
import io.streamtune.model.training.TrainingProgress;
import io.streamtune.trainer.round.Example;
import io.streamtune.trainer.round.ExampleFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real BERT adapter, kept tiny: a few steps from the default built-in base (bge-small), then a few from the stored version, whose
 * report from fine-tuning must equal an evaluation of the stored folder (so rounds need not evaluate it again).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DjlModelTunerTest {

    private static final List<String> LABELS = List.of("neg", "pos");
    private static final TuningSettings TINY = new TuningSettings(1, 16, 5e-5, 32, 7);

    @TempDir
    Path root;

    @Test
    void shouldFineTuneFromBaseAndThenFromTheStoredVersion() throws IOException {
        List<LabeledText> examples = texts(ExampleFile.read(Path.of("../data/uci_sentiment.jsonl"), "stream"));
        List<LabeledText> holdout = examples.subList(0, 16);
        FileSystemModelStore store = new FileSystemModelStore(root);
        DjlModelTuner tuner = new DjlModelTuner(ClassifierSettings.defaults().withMaxLength(32));
        List<TrainingProgress> progress = new CopyOnWriteArrayList<>();
        ProgressListener listener = progress::add;

        StoredVersion first = tuner.fineTune(
                new TuningJob("tiny", 1, Optional.empty(), LABELS, examples.subList(16, 48), holdout, TINY),
                store,
                listener);
        TunedCandidate tuned = tuner.fineTuneAndEvaluate(
                new TuningJob("tiny", 2, Optional.of(first), LABELS, examples.subList(48, 80), holdout, TINY),
                store,
                listener);
        StoredVersion second = tuned.stored();
        EvaluationReport report = tuner.evaluate(store.resolve("tiny", 2), LABELS, holdout);

        assertThat(store.versions("tiny")).containsExactly(1L, 2L);
        assertThat(second.manifest().parentVersion()).isEqualTo(1L);
        assertThat(progress).isNotEmpty().allSatisfy(p -> assertThat(p.loss()).isPositive());
        assertThat(report.total()).isEqualTo(16);
        assertThat(report.labels()).containsExactlyElementsOf(LABELS);
        assertThat(tuned.holdout().toMap())
                .as("the report of fine-tuning is the stored folder's on the same holdout")
                .isEqualTo(report.toMap());
    }

    @Test
    void shouldStartWithoutParentOrCheckpointFromTheConfiguredBuiltInBase() throws IOException {
        TuningSettings bge = new TuningSettings(TINY.fineTune(), Optional.empty(), BuiltInBase.BGE_SMALL_EN_V1_5);

        StartingPoint start = DjlModelTuner.startingPoint(
                new TuningJob("tiny", 1, Optional.empty(), LABELS, List.of(), List.of(), bge));

        assertThat(start.base()).contains(BuiltInBase.BGE_SMALL_EN_V1_5);
        assertThat(start.checkpoint()).isEmpty();
        assertThat(start.parent()).isEmpty();
    }

    private static List<LabeledText> texts(List<Example> examples) {
        return examples.stream().map(e -> new LabeledText(e.text(), e.label())).toList();
    }
}
