package io.streamtune.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.base.BuiltInBase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A round on very few documents (the trainer's interval trigger fires on any pending corrections): six training
 * documents of several 128-token windows make one batch, so two epochs are two AdamW steps. Version 1 is a linear
 * probe on MiniLM (its fine-tuning at a negligible learning rate), which classifies these documents well; the round
 * keeps its head and runs the default schedule. It must not wreck what version 1 knew.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SmallRoundTest {

    private static final List<String> LABELS = List.of("neg", "pos");
    private static final FineTuneConfig WINDOWED =
            FineTuneConfig.builder().optMaxLength(128).optMaxWindows(8).build();

    @TempDir
    Path root;

    @Test
    void shouldKeepTheTestAccuracyOfTheVersionInServiceAfterARoundOfTwoSteps() throws IOException {
        List<LabeledText> stream = documents(SentimentData.split("stream"), 88, 1L);
        List<LabeledText> test = documents(SentimentData.split("test"), 60, 2L);
        FineTuneJob job = new FineTuneJob(new FileSystemModelStore(root), ProgressListener.logging());
        FineTuneConfig probeOnly = WINDOWED.toBuilder()
                .optLinearProbe(true)
                .optEpochs(1)
                .optLearningRate(1e-8f)
                .build();
        FineTuneJob.Outcome v1 = job.run(new FineTuneJob.Request(
                "long",
                1,
                StartingPoint.pretrained(BuiltInBase.ALL_MINILM_L6_V2),
                LABELS,
                stream.subList(0, 80),
                test,
                probeOnly));

        FineTuneJob.Outcome v2 = job.run(new FineTuneJob.Request(
                "long", 2, StartingPoint.fromVersion(v1.stored()), LABELS, stream.subList(80, 88), test, WINDOWED));

        assertThat(v1.evaluation().accuracy()).isGreaterThan(0.85);
        assertThat(v2.training().steps()).isEqualTo(2);
        assertThat(v2.evaluation().accuracy()).isGreaterThan(v1.evaluation().accuracy() - 0.05);
    }

    /** Documents of 6-10 sentences of one polarity drawn from the split, labels alternating. */
    private static List<LabeledText> documents(List<LabeledText> sentences, int count, long seed) {
        Random random = new Random(seed);
        List<LabeledText> documents = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            String label = LABELS.get(d % 2);
            List<LabeledText> pool = sentences.stream()
                    .filter(sentence -> sentence.label().equals(label))
                    .toList();
            StringBuilder text = new StringBuilder();
            int length = 6 + random.nextInt(5);
            for (int s = 0; s < length; s++) {
                text.append(pool.get(random.nextInt(pool.size())).text()).append(' ');
            }
            documents.add(new LabeledText(text.toString().trim(), label));
        }
        return documents;
    }
}
