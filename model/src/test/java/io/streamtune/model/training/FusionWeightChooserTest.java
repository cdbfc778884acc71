package io.streamtune.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamtune.model.lexical.LexicalModel;
import io.streamtune.model.lexical.LexicalTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FusionWeightChooserTest {

    private static final List<String> LABELS = List.of("billing", "outage");
    private static final String[][] WORDS = {
        {"invoice", "refund", "charged", "payment", "bill"},
        {"down", "offline", "error", "crashed", "unreachable"}
    };
    private static final String[] FILLER = {"the", "service", "today", "our", "team", "is", "again", "and", "we"};
    private static final float MAX = 2f;

    private final LexicalModel lexical = trainedLexicalModel();
    private final List<LabeledText> unseen = texts(40, 11);

    @Test
    void shouldFuseTheWordsWhenBertIsUnsure() {
        float[][] unsure = new float[unseen.size()][];
        for (int i = 0; i < unsure.length; i++) {
            unsure[i] = new float[] {0.05f, 0f}; // always a little towards billing: right on half
        }

        assertThat(FusionWeightChooser.choose(lexical, unsure, unseen, LABELS).fusionWeight())
                .isPositive();
    }

    @Test
    void shouldKeepBertAloneWhenTheWordsOnlyAddErrors() {
        List<LabeledText> swapped = unseen.stream() // the words now point the wrong way
                .map(example ->
                        new LabeledText(example.text(), example.label().equals("billing") ? "outage" : "billing"))
                .toList();
        float[][] sureOfSwapped = bertLogits(swapped, 6f, 0);

        assertThat(FusionWeightChooser.choose(lexical, sureOfSwapped, swapped, LABELS)
                        .fusionWeight())
                .isZero();
    }

    @Test
    void shouldSeeWhatAccuracyCannotWhenEveryWeightGetsTheSameRight() {
        // BERT right on every example, barely, and the words agree: every weight is right on all of them
        float[][] barely = bertLogits(unseen, 0.2f, 0);

        FusionWeightChooser.Trial alone =
                FusionWeightChooser.trial(lexical.withFusionWeight(0), barely, unseen, LABELS);
        FusionWeightChooser.Trial fused =
                FusionWeightChooser.trial(lexical.withFusionWeight(MAX), barely, unseen, LABELS);

        assertThat(fused.correct()).isEqualTo(alone.correct());
        assertThat(fused.logLoss()).isLessThan(alone.logLoss());
        assertThat(FusionWeightChooser.choose(lexical, barely, unseen, LABELS).fusionWeight())
                .isPositive();
    }

    @Test
    void shouldScoreLogLossAtTheTemperatureGiven() {
        double[][] fused = {{Math.log(0.75), Math.log(0.25)}};

        assertThat(FusionWeightChooser.logLoss(fused, new int[] {0}, 1)).isCloseTo(-Math.log(0.75), within(1e-9));
        assertThat(FusionWeightChooser.logLoss(fused, new int[] {1}, 1)).isCloseTo(-Math.log(0.25), within(1e-9));
        assertThat(FusionWeightChooser.logLoss(fused, new int[] {0}, 1e6)).isCloseTo(Math.log(2), within(1e-5));
    }

    /** Logits that favour each example's label by {@code margin}, except every {@code wrongEvery}-th (0: none). */
    private static float[][] bertLogits(List<LabeledText> examples, float margin, int wrongEvery) {
        float[][] logits = new float[examples.size()][];
        for (int i = 0; i < logits.length; i++) {
            int truth = LABELS.indexOf(examples.get(i).label());
            boolean wrong = wrongEvery > 0 && i % wrongEvery == 0;
            logits[i] = new float[2];
            logits[i][wrong ? 1 - truth : truth] = margin;
        }
        return logits;
    }

    private static LexicalModel trainedLexicalModel() {
        List<LabeledText> train = texts(90, 3);
        return new LexicalTrainer(1 << 14, 7)
                .train(
                        train.stream().map(LabeledText::text).toList(),
                        train.stream().map(LabeledText::label).toList(),
                        LABELS,
                        MAX);
    }

    /** Texts of eight words, every third a word of the label's own, the rest shared filler. */
    private static List<LabeledText> texts(int count, long seed) {
        Random random = new Random(seed);
        List<LabeledText> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int label = i % LABELS.size();
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 8; w++) {
                String[] pool = w % 3 == 0 ? WORDS[label] : FILLER;
                text.append(pool[random.nextInt(pool.length)]).append(' ');
            }
            texts.add(new LabeledText(text.toString(), LABELS.get(label)));
        }
        return texts;
    }
}
