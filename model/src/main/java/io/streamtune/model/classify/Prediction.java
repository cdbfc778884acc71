package io.streamtune.model.classify;

import java.util.Map;

/**
 * The classification of one text.
 *
 * @param label the most probable label
 * @param confidence its probability, in [0, 1]
 * @param scores the probability of every label (softmax, summing to 1), in the model's label order
 * @param truncated whether the text was longer than the maximum length and lost word pieces (head + tail
 *     kept)
 */
public record Prediction(String label, double confidence, Map<String, Double> scores, boolean truncated) {

    public Prediction {
        scores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
    }
}
