package io.streamtune.quality.loop;

import java.util.Random;

/**
 * Corrects a wrong prediction with a fixed probability, with the true label. The draw for the n-th event depends
 * only on the seed and n, not on what the model predicted, so variants of a run face the same annotator.
 */
final class SimulatedAnnotator {

    private final double share;
    private final double[] draws;

    /**
     * @param share the probability of correcting a wrong prediction, in [0, 1]
     * @param events how many events will be reviewed
     * @param seed the seed of the draws
     */
    SimulatedAnnotator(double share, int events, long seed) {
        if (share < 0 || share > 1 || Double.isNaN(share)) {
            throw new IllegalArgumentException("the correct share must be in [0, 1]: " + share);
        }
        this.share = share;
        Random random = new Random(seed);
        this.draws = new double[events];
        for (int i = 0; i < events; i++) {
            draws[i] = random.nextDouble();
        }
    }

    /** Whether the annotator corrects the prediction of event {@code index}. */
    boolean corrects(int index, boolean predictionWrong) {
        return predictionWrong && draws[index] < share;
    }
}
