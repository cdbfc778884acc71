package io.streamtune.classifier.memory;

/**
 * How the correction memory answers.
 *
 * @param threshold the least cosine similarity between a text and a corrected text for the text to get the
 *     corrected label, in (0, 1]
 * @param maxEntries the most corrected texts remembered; beyond it the oldest is forgotten
 */
public record MemorySettings(double threshold, int maxEntries) {

    public MemorySettings {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
        }
    }
}
