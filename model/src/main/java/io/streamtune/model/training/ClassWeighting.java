package io.streamtune.model.training;

/**
 * How the training loss weighs each class, from the class counts of the training examples. With weights, a class
 * that has few examples still pulls the decision boundary towards itself, so it keeps being predicted.
 */
public enum ClassWeighting {
    /** Every example counts the same. */
    NONE,
    /** Each class weighs {@code n / (k * n_c)}: every class counts as much as any other in total. */
    BALANCED,
    /** Each class weighs {@code sqrt(n / (k * n_c))}: half way, on a log scale, between none and balanced. */
    SQRT;

    /**
     * The per-class weights, normalised so the weighted mean over the examples is 1 (the loss keeps its scale).
     *
     * @param counts examples per class, in output order
     * @return one weight per class; a class without examples weighs 0
     */
    public float[] weights(long[] counts) {
        long total = 0;
        int present = 0;
        for (long count : counts) {
            total += count;
            present += count > 0 ? 1 : 0;
        }
        float[] weights = new float[counts.length];
        double weighted = 0;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                continue;
            }
            double balanced = (double) total / ((double) present * counts[c]);
            weights[c] = (float)
                    switch (this) {
                        case NONE -> 1.0;
                        case BALANCED -> balanced;
                        case SQRT -> Math.sqrt(balanced);
                    };
            weighted += weights[c] * counts[c];
        }
        if (weighted > 0) {
            float scale = (float) (total / weighted);
            for (int c = 0; c < weights.length; c++) {
                weights[c] *= scale;
            }
        }
        return weights;
    }
}
