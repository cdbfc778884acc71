package io.streamtune.classifier.inference;

import java.util.Map;

/**
 * The verdict on one text.
 *
 * @param label the class with the highest score, or the corrected label of a (nearly) identical corrected text when
 *     {@code memory} is set
 * @param confidence that class's probability; when {@code memory} is set, the similarity to the corrected text
 * @param scores the model's probability of every class, by label (the model's also when the label came from memory)
 * @param truncated whether the text was cut to the model's maximum length
 * @param memory the corrected text the label came from, or null when the model chose the label
 */
public record Prediction(
        String label, double confidence, Map<String, Double> scores, boolean truncated, MemoryMatch memory) {

    public Prediction {
        scores = Map.copyOf(scores);
    }

    /** A prediction of the model alone. */
    public Prediction(String label, double confidence, Map<String, Double> scores, boolean truncated) {
        this(label, confidence, scores, truncated, null);
    }

    /** This prediction with the label of a corrected text, the model's scores kept. */
    public Prediction recalled(String correctedLabel, MemoryMatch match) {
        return new Prediction(correctedLabel, match.similarity(), scores, truncated, match);
    }

    /** Whether the label came from the correction memory. */
    public boolean fromMemory() {
        return memory != null;
    }
}
