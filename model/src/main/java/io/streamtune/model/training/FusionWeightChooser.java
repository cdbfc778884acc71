package io.streamtune.model.training;

import io.streamtune.model.lexical.LexicalModel;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses how much a version's lexical model counts beside BERT: each weight of {0, max/4, max/2, max} is tried on
 * examples neither was trained on, and the one whose fused scores give the smallest log-loss wins, each weight at
 * the softmax temperature that suits it best (so a sharper or flatter fusion is not what decides, only how well it
 * separates the classes). Log-loss rather than accuracy because the held-out examples are few (about 30 on a
 * 100-document seed): accuracy there moves in whole examples and ties often, where log-loss still sees which
 * weight puts more probability on the right class. On short sentences the lexical expert is far weaker than BERT
 * and fusing it costs up to 3 points, on long documents it gains 3-6, so no single weight suits both.
 */
final class FusionWeightChooser {

    private static final Logger LOG = LoggerFactory.getLogger(FusionWeightChooser.class);
    private static final double[] TEMPERATURES = temperatures();

    private FusionWeightChooser() {}

    /** How a weight did on the unseen examples. */
    record Trial(float weight, int correct, double logLoss) {}

    /**
     * @param model the lexical model, its fusion weight the largest tried
     * @param bertLogits BERT's pooled logits of the examples
     * @param examples the examples, unseen by both in training
     * @param labels the labels in output order
     * @return the model with the chosen weight
     */
    static LexicalModel choose(
            LexicalModel model, float[][] bertLogits, List<LabeledText> examples, List<String> labels) {
        float max = model.fusionWeight();
        float[] weights = {0f, max / 4, max / 2, max};
        Trial best = null;
        StringBuilder tried = new StringBuilder();
        for (float weight : weights) {
            Trial trial = trial(model.withFusionWeight(weight), bertLogits, examples, labels);
            tried.append(String.format(Locale.ROOT, " %.2f:%d/%.4f", trial.weight(), trial.correct(), trial.logLoss()));
            // strictly smaller: a tie keeps the smaller weight, BERT alone unless the words add something
            if (best == null || trial.logLoss() < best.logLoss() - 1e-9) {
                best = trial;
            }
        }
        LOG.info(
                "Lexical fusion weight {} chosen on {} unseen examples (weight:correct/log-loss{})",
                best.weight(),
                examples.size(),
                tried);
        return model.withFusionWeight(best.weight());
    }

    /** The correct count and the log-loss at the best temperature of the model at its weight. */
    static Trial trial(LexicalModel weighted, float[][] bertLogits, List<LabeledText> examples, List<String> labels) {
        double[][] fused = new double[examples.size()][];
        int[] truth = new int[examples.size()];
        int correct = 0;
        for (int i = 0; i < examples.size(); i++) {
            float[] row = weighted.fuse(bertLogits[i], examples.get(i).text());
            fused[i] = new double[row.length];
            for (int c = 0; c < row.length; c++) {
                fused[i][c] = row[c];
            }
            truth[i] = labels.indexOf(examples.get(i).label());
            correct += argmax(row) == truth[i] ? 1 : 0;
        }
        double logLoss = Double.POSITIVE_INFINITY;
        for (double temperature : TEMPERATURES) {
            logLoss = Math.min(logLoss, logLoss(fused, truth, temperature));
        }
        return new Trial(weighted.fusionWeight(), correct, logLoss);
    }

    /** Mean negative log-probability of the true class under {@code softmax(fused / temperature)}. */
    static double logLoss(double[][] fused, int[] truth, double temperature) {
        if (fused.length == 0) {
            return 0;
        }
        double total = 0;
        for (int i = 0; i < fused.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double value : fused[i]) {
                max = Math.max(max, value / temperature);
            }
            double sum = 0;
            for (double value : fused[i]) {
                sum += Math.exp(value / temperature - max);
            }
            total += max + Math.log(sum) - fused[i][truth[i]] / temperature;
        }
        return total / fused.length;
    }

    /** 0.25 to 16, in steps of 2^(1/4). */
    private static double[] temperatures() {
        double[] temperatures = new double[25];
        for (int i = 0; i < temperatures.length; i++) {
            temperatures[i] = Math.pow(2, -2 + i / 4.0);
        }
        return temperatures;
    }

    private static int argmax(float[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            best = row[c] > row[best] ? c : best;
        }
        return best;
    }
}
