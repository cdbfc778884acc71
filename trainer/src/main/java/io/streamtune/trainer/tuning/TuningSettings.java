package io.streamtune.trainer.tuning;

import io.streamtune.model.base.BuiltInBase;
import io.streamtune.model.training.ClassWeighting;
import io.streamtune.model.training.FineTuneConfig;
import io.streamtune.trainer.config.TrainerConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Fine-tuning settings of a round.
 *
 * @param fineTune the hyperparameters of a round's fine-tuning run (from a parent version)
 * @param firstVersion the hyperparameters of a run without a parent (bootstrap): {@code fineTune} with its own
 *     learning rate and early-stopping share
 * @param baseCheckpoint the HuggingFace checkpoint folder a job without a parent starts from; empty for the
 *     built-in base
 * @param builtInBase the built-in base a job without a parent starts from when there is no base checkpoint
 */
public record TuningSettings(
        FineTuneConfig fineTune, FineTuneConfig firstVersion, Optional<Path> baseCheckpoint, BuiltInBase builtInBase) {

    public TuningSettings {
        Objects.requireNonNull(fineTune, "fineTune");
        Objects.requireNonNull(firstVersion, "firstVersion");
        Objects.requireNonNull(baseCheckpoint, "baseCheckpoint");
        Objects.requireNonNull(builtInBase, "builtInBase");
    }

    /** Settings whose runs without a parent use the same hyperparameters as rounds. */
    public TuningSettings(FineTuneConfig fineTune, Optional<Path> baseCheckpoint, BuiltInBase builtInBase) {
        this(fineTune, fineTune, baseCheckpoint, builtInBase);
    }

    /**
     * Settings that start from the default built-in base with the model module's defaults for everything not
     * named.
     *
     * @param epochs passes over the training examples
     * @param batchSize examples per step
     * @param learningRate the peak learning rate
     * @param maxLength tokens per window
     * @param seed the seed
     */
    public TuningSettings(int epochs, int batchSize, double learningRate, int maxLength, long seed) {
        this(
                FineTuneConfig.builder()
                        .optEpochs(epochs)
                        .optBatchSize(batchSize)
                        .optLearningRate((float) learningRate)
                        .optMaxLength(maxLength)
                        .optSeed(seed)
                        .build(),
                Optional.empty(),
                BuiltInBase.DEFAULT);
    }

    /** The settings of a trainer configuration. */
    public static TuningSettings from(TrainerConfig config) {
        FineTuneConfig fineTune = FineTuneConfig.builder()
                .optEpochs(config.epochs())
                .optMinSteps(config.minSteps())
                .optBatchSize(config.batchSize())
                .optLearningRate((float) config.learningRate())
                .optMaxLength(config.maxLength())
                .optMaxWindows(config.maxWindows())
                .optClassWeighting(ClassWeighting.valueOf(config.classWeighting()))
                .optLinearProbe(config.linearProbe())
                .optFrozenLayers(config.frozenLayers())
                .optLexicalWeight((float) config.lexicalWeight())
                .optHoldoutFraction(config.earlyStoppingFraction())
                .optParentBlend((float) config.parentBlend())
                .optSeed(config.seed())
                .build();
        FineTuneConfig firstVersion = fineTune.toBuilder()
                .optLearningRate((float) config.bootstrapLearningRate())
                .optHoldoutFraction(config.bootstrapEarlyStoppingFraction())
                .build();
        return new TuningSettings(fineTune, firstVersion, config.baseModelPath(), config.builtInBase());
    }

    /** The hyperparameters of a run: a round's when it starts from a parent version, else the first version's. */
    public FineTuneConfig configFor(boolean fromParent) {
        return fromParent ? fineTune : firstVersion;
    }
}
