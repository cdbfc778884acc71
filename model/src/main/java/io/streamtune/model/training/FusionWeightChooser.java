package io.streamtune.model.training;

import io.streamtune.model.lexical.LexicalModel;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses how much a version's lexical model counts beside BERT: each weight of {0, max/4, max/2, max} is tried on
 * examples neither was trained on, and the most accurate wins (ties go to the smaller weight, so BERT alone unless
 * the words add something). Measured on the quality proxies: on short sentences the lexical expert is far weaker
 * than BERT and fusing it costs up to 3 points, on long documents it gains 3-6, so no single weight suits both.
 */
final class FusionWeightChooser {

    private static final Logger LOG = LoggerFactory.getLogger(FusionWeightChooser.class);

    private FusionWeightChooser() {}

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
        float best = 0f;
        int bestCorrect = -1;
        StringBuilder tried = new StringBuilder();
        for (float weight : weights) {
            LexicalModel weighted = model.withFusionWeight(weight);
            int correct = 0;
            for (int i = 0; i < examples.size(); i++) {
                float[] fused = weighted.fuse(bertLogits[i], examples.get(i).text());
                correct += labels.get(argmax(fused)).equals(examples.get(i).label()) ? 1 : 0;
            }
            tried.append(String.format(Locale.ROOT, " %.2f:%d", weight, correct));
            if (correct > bestCorrect) {
                bestCorrect = correct;
                best = weight;
            }
        }
        LOG.info(
                "Lexical fusion weight {} chosen on {} unseen examples (weight:correct{})",
                best,
                examples.size(),
                tried);
        return model.withFusionWeight(best);
    }

    private static int argmax(float[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            best = row[c] > row[best] ? c : best;
        }
        return best;
    }
}
