package io.streamtune.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.model.artifact.ArtifactFiles;
import io.streamtune.model.artifact.ArtifactVerificationException;
import io.streamtune.model.artifact.ArtifactVerifier;
import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.base.BuiltInBase;
import io.streamtune.model.classify.ClassifierSettings;
import io.streamtune.model.classify.DjlTextClassifier;
import io.streamtune.model.classify.Prediction;
import io.streamtune.model.eval.EvaluationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A version trained with a lexical model: stored and verified with it, loaded with it, scored as stored. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LexicalFusionJobTest {

    private static final List<String> LABELS = List.of("neg", "pos");
    private static final FineTuneConfig SHORT =
            FineTuneConfig.builder().optEpochs(1).optEarlyStopping(1, 1).build();

    @TempDir
    Path root;

    @Test
    void shouldStoreTheLexicalModelAndClassifyAsTheStoredMetricsSay() throws IOException {
        List<LabeledText> evaluation = SentimentData.split("test").subList(0, 40);
        FineTuneJob job = new FineTuneJob(new FileSystemModelStore(root), ProgressListener.logging());

        FineTuneJob.Outcome fused = job.run(new FineTuneJob.Request(
                "sentiment",
                1,
                StartingPoint.pretrained(BuiltInBase.ALL_MINILM_L6_V2),
                LABELS,
                SentimentData.split("stream").subList(0, 48),
                evaluation,
                SHORT.toBuilder().optLexicalWeight(1f).build(),
                SentimentData.split("stream").subList(0, 400)));
        StoredVersion stored = fused.stored();

        assertThat(stored.manifest().files()).containsKey(ArtifactFiles.LEXICAL);
        try (DjlTextClassifier loaded = DjlTextClassifier.load(stored.folder(), ClassifierSettings.defaults())) {
            List<String> predicted = loaded
                    .classify(evaluation.stream().map(LabeledText::text).toList())
                    .stream()
                    .map(Prediction::label)
                    .toList();
            EvaluationReport asLoaded = EvaluationReport.of(
                    LABELS, evaluation.stream().map(LabeledText::label).toList(), predicted);
            assertThat(asLoaded.accuracy()).isEqualTo(fused.evaluation().accuracy());
        }
    }

    @Test
    void shouldStoreBertAloneWithoutALexicalWeightAndRefuseATamperedLexicalFile() throws IOException {
        FineTuneJob job = new FineTuneJob(new FileSystemModelStore(root), ProgressListener.logging());
        FineTuneJob.Request plain = new FineTuneJob.Request(
                "sentiment",
                1,
                StartingPoint.pretrained(BuiltInBase.ALL_MINILM_L6_V2),
                LABELS,
                SentimentData.split("stream").subList(0, 48),
                List.of(),
                SHORT);
        StoredVersion bertAlone = job.run(plain).stored();
        StoredVersion fused = job.run(new FineTuneJob.Request(
                        "sentiment",
                        2,
                        StartingPoint.fromVersion(bertAlone),
                        LABELS,
                        SentimentData.split("stream").subList(48, 96),
                        List.of(),
                        SHORT.toBuilder().optLexicalWeight(1f).build()))
                .stored();

        assertThat(bertAlone.manifest().files()).doesNotContainKey(ArtifactFiles.LEXICAL);
        Files.write(fused.folder().resolve(ArtifactFiles.LEXICAL), new byte[] {1}, StandardOpenOption.APPEND);
        assertThatThrownBy(() -> ArtifactVerifier.verify(fused.folder()))
                .isInstanceOf(ArtifactVerificationException.class)
                .hasMessageContaining(ArtifactFiles.LEXICAL);
    }
}
