package io.streamtune.classifier.inference;

import java.util.Map;

/**
 * The model's verdict on one text.
 *
 * @param label the class with the highest score
 * @param confidence that class's probability
 * @param scores the probability of every class, by label
 * @param truncated whether the text was cut to the model's maximum length
 */
public record Prediction(String label, double confidence, Map<String, Double> scores, boolean truncated) {

    public Prediction {
        scores = Map.copyOf(scores);
    }
}
