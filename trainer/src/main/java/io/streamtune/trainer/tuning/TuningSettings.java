package io.streamtune.trainer.tuning;

import io.streamtune.trainer.config.TrainerConfig;

/**
 * Fine-tuning hyperparameters of a round.
 *
 * @param epochs passes over the training examples
 * @param batchSize examples per step
 * @param learningRate the peak learning rate
 * @param maxLength tokens per text
 * @param seed the seed
 */
public record TuningSettings(int epochs, int batchSize, double learningRate, int maxLength, long seed) {

    /** The settings of a trainer configuration. */
    public static TuningSettings from(TrainerConfig config) {
        return new TuningSettings(
                config.epochs(), config.batchSize(), config.learningRate(), config.maxLength(), config.seed());
    }
}
