package io.streamtune.quality.loop;

/**
 * How the simulated loop runs, apart from the trainer's own configuration.
 *
 * @param seed the run seed (the annotator's draws)
 * @param correctShare the probability that the annotator corrects a wrong prediction
 * @param window events per streaming window
 */
public record LoopSettings(long seed, double correctShare, int window) {

    public LoopSettings {
        if (correctShare < 0 || correctShare > 1 || Double.isNaN(correctShare)) {
            throw new IllegalArgumentException("the correct share must be in [0, 1]: " + correctShare);
        }
        if (window < 1) {
            throw new IllegalArgumentException("the window must hold at least one event: " + window);
        }
    }
}
