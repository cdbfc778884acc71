package io.streamtune.trainer.tuning;

import io.streamtune.trainer.config.TrainerConfig;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Fine-tuning settings of a round.
 *
 * @param epochs passes over the training examples
 * @param batchSize examples per step
 * @param learningRate the peak learning rate
 * @param maxLength tokens per text
 * @param seed the seed
 * @param baseCheckpoint the HuggingFace checkpoint folder a job without a parent starts from; empty for the
 *     built-in base
 */
public record TuningSettings(
        int epochs, int batchSize, double learningRate, int maxLength, long seed, Optional<Path> baseCheckpoint) {

    /** Settings that start from the built-in base. */
    public TuningSettings(int epochs, int batchSize, double learningRate, int maxLength, long seed) {
        this(epochs, batchSize, learningRate, maxLength, seed, Optional.empty());
    }

    /** The settings of a trainer configuration. */
    public static TuningSettings from(TrainerConfig config) {
        return new TuningSettings(
                config.epochs(),
                config.batchSize(),
                config.learningRate(),
                config.maxLength(),
                config.seed(),
                config.baseModelPath());
    }
}
