package io.streamtune.model.training;

import io.streamtune.model.bert.Pooling;
import io.streamtune.model.tokenize.TokenizerConfig;

/**
 * Validated hyperparameters of a fine-tuning run. Start from {@link #builder()} (every option at its default) or
 * {@link #toBuilder()}, and set what you need with the {@code opt...} methods.
 *
 * @param maxLength the longest token sequence, one window (special tokens included), at most 512
 * @param maxWindows the most windows of {@code maxLength} a long example is cut into; the loss is taken on the
 *     mean of its windows' logits, as the classifier pools them (1: head + tail truncation)
 * @param batchSize examples per optimisation step
 * @param epochs passes over the training examples, at most
 * @param minSteps the fewest optimisation steps of a run that draws a new head (a {@link FineTuneJob} from a
 *     base, or with new labels): a small training set gets more epochs than {@code epochs} until it reaches this
 *     many (a new head learns little in the 20 steps of 2 epochs over 150 examples); a run that keeps its head
 *     (a round from the version in service) runs {@code epochs}
 * @param learningRate the peak learning rate, reached after warm-up
 * @param warmupRatio the share of all steps spent warming the learning rate up linearly from 0, but at least
 *     {@link WarmupLinearSchedule#MIN_WARMUP_STEPS} steps (a shorter run ends while still warming up)
 * @param weightDecay AdamW's decoupled weight decay, not applied to biases and LayerNorm weights
 * @param maxGradNorm the global L2 norm gradients are clipped to
 * @param holdoutFraction the share of the training examples held out for early stopping; 0 trains on all of them
 *     for the whole schedule (no early stopping)
 * @param evaluationsPerEpoch how often per epoch the holdout is evaluated
 * @param patience how many evaluations without a better holdout macro-F1 end the run early
 * @param seed the seed of shuffling, the holdout split, the head initialisation and dropout
 * @param pooling how the classifier pools the encoder's output
 * @param classWeighting how the loss weighs the classes of the training examples
 * @param linearProbe whether a newly drawn head is first fitted on the frozen encoder's pooled features (a
 *     linear probe) before the whole model is fine-tuned, instead of starting from random weights
 * @param frozenLayers how many of the encoder's lowest layers stay as they are, the embeddings with them (0: every
 *     layer trains); autograd then stops above them, so a step also skips their backward pass
 * @param freezeWordEmbeddings whether the word-embedding table (52% of MiniLM's parameters) stays as pretrained,
 *     skipping its dense gradient and AdamW update
 * @param lexicalWeight the weight of a lexical model's calibrated log-probabilities fused with BERT's (a product
 *     of experts, see {@code io.streamtune.model.lexical.LexicalModel#fuse}); 0 stores BERT alone
 * @param parentBlend the share of the starting version's weights kept when a run keeps its head (a round): each
 *     weight ends as {@code parent + (1 - parentBlend) * (tuned - parent)}, a point on the line between the two
 *     (weight-space ensembling, as in WiSE-FT), which forgets less of what the parent knew; 0 keeps the tuned
 *     weights as they are. A run that draws a new head has no parent to blend with and ignores it
 */
public record FineTuneConfig(
        int maxLength,
        int maxWindows,
        int batchSize,
        int epochs,
        int minSteps,
        float learningRate,
        float warmupRatio,
        float weightDecay,
        float maxGradNorm,
        double holdoutFraction,
        int evaluationsPerEpoch,
        int patience,
        long seed,
        Pooling pooling,
        ClassWeighting classWeighting,
        boolean linearProbe,
        int frozenLayers,
        boolean freezeWordEmbeddings,
        float lexicalWeight,
        float parentBlend) {

    /** Validates every field, naming the one that is wrong. */
    public FineTuneConfig {
        if (maxLength <= TokenizerConfig.SPECIAL_TOKENS || maxLength > TokenizerConfig.MODEL_MAX_LENGTH) {
            throw new IllegalArgumentException("maxLength must be in [3, 512], was " + maxLength);
        }
        positive("maxWindows", maxWindows);
        positive("batchSize", batchSize);
        positive("epochs", epochs);
        positive("evaluationsPerEpoch", evaluationsPerEpoch);
        positive("patience", patience);
        if (frozenLayers < 0) {
            throw new IllegalArgumentException("frozenLayers must not be negative, was " + frozenLayers);
        }
        if (minSteps < 0) {
            throw new IllegalArgumentException("minSteps must not be negative, was " + minSteps);
        }
        if (!(learningRate > 0f) || !(maxGradNorm > 0f)) {
            throw new IllegalArgumentException(
                    "learningRate and maxGradNorm must be positive, were " + learningRate + ", " + maxGradNorm);
        }
        if (!(warmupRatio >= 0f && warmupRatio < 1f) || !(weightDecay >= 0f)) {
            throw new IllegalArgumentException(
                    "warmupRatio must be in [0, 1) and weightDecay >= 0, were " + warmupRatio + ", " + weightDecay);
        }
        if (!(holdoutFraction >= 0.0 && holdoutFraction < 0.5)) {
            throw new IllegalArgumentException("holdoutFraction must be in [0, 0.5), was " + holdoutFraction);
        }
        if (!(lexicalWeight >= 0f) || Float.isInfinite(lexicalWeight)) {
            throw new IllegalArgumentException("lexicalWeight must be >= 0 and finite, was " + lexicalWeight);
        }
        if (!(parentBlend >= 0f && parentBlend < 1f)) {
            throw new IllegalArgumentException("parentBlend must be in [0, 1), was " + parentBlend);
        }
        if (pooling == null || classWeighting == null) {
            throw new IllegalArgumentException("pooling and classWeighting are required");
        }
    }

    /**
     * The defaults: see {@link Builder}.
     *
     * @return the defaults
     */
    public static FineTuneConfig defaults() {
        return builder().build();
    }

    /** @return a builder with every option at its default */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these settings */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.maxLength = maxLength;
        builder.maxWindows = maxWindows;
        builder.batchSize = batchSize;
        builder.epochs = epochs;
        builder.minSteps = minSteps;
        builder.learningRate = learningRate;
        builder.warmupRatio = warmupRatio;
        builder.weightDecay = weightDecay;
        builder.maxGradNorm = maxGradNorm;
        builder.holdoutFraction = holdoutFraction;
        builder.evaluationsPerEpoch = evaluationsPerEpoch;
        builder.patience = patience;
        builder.seed = seed;
        builder.pooling = pooling;
        builder.classWeighting = classWeighting;
        builder.linearProbe = linearProbe;
        builder.frozenLayers = frozenLayers;
        builder.freezeWordEmbeddings = freezeWordEmbeddings;
        builder.lexicalWeight = lexicalWeight;
        builder.parentBlend = parentBlend;
        return builder;
    }

    /** @return the tokenizer settings of this run: windows of {@code maxLength}, at most {@code maxWindows} */
    public TokenizerConfig tokenizerConfig() {
        return TokenizerConfig.windowed(maxLength, maxWindows);
    }

    /**
     * The number of epochs a run over {@code batchesPerEpoch} batches makes: {@code epochs}, or more until
     * {@code minSteps} steps are reached.
     *
     * @param batchesPerEpoch batches in one epoch, at least 1
     * @return the epochs to run
     */
    public int epochsFor(int batchesPerEpoch) {
        int forMinSteps = (minSteps + batchesPerEpoch - 1) / Math.max(1, batchesPerEpoch);
        return Math.max(epochs, forMinSteps);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }

    /**
     * Builds a {@link FineTuneConfig}. Defaults: max length 64, 1 window, batch 16, 2 epochs and at least 0 steps,
     * peak learning rate 1e-4 with 10% warm-up, weight decay 0.01, gradient norm 1.0, 10% holdout evaluated twice
     * per epoch, patience 2, seed 42, mean pooling, no class weighting, no linear probe, every layer and parameter
     * trained, no lexical model, no parent blend.
     */
    public static final class Builder {
        private int maxLength = 64;
        private int maxWindows = 1;
        private int batchSize = 16;
        private int epochs = 2;
        private int minSteps;
        private float learningRate = 1e-4f;
        private float warmupRatio = 0.1f;
        private float weightDecay = 0.01f;
        private float maxGradNorm = 1.0f;
        private double holdoutFraction = 0.1;
        private int evaluationsPerEpoch = 2;
        private int patience = 2;
        private long seed = 42L;
        private Pooling pooling = Pooling.MEAN;
        private ClassWeighting classWeighting = ClassWeighting.NONE;
        private boolean linearProbe;
        private int frozenLayers;
        private boolean freezeWordEmbeddings;
        private float lexicalWeight;
        private float parentBlend;

        private Builder() {}

        public Builder optMaxLength(int value) {
            maxLength = value;
            return this;
        }

        public Builder optMaxWindows(int value) {
            maxWindows = value;
            return this;
        }

        public Builder optBatchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder optEpochs(int value) {
            epochs = value;
            return this;
        }

        public Builder optMinSteps(int value) {
            minSteps = value;
            return this;
        }

        public Builder optLearningRate(float value) {
            learningRate = value;
            return this;
        }

        public Builder optWarmupRatio(float value) {
            warmupRatio = value;
            return this;
        }

        public Builder optWeightDecay(float value) {
            weightDecay = value;
            return this;
        }

        public Builder optMaxGradNorm(float value) {
            maxGradNorm = value;
            return this;
        }

        public Builder optHoldoutFraction(double value) {
            holdoutFraction = value;
            return this;
        }

        /**
         * @param evaluations holdout evaluations per epoch
         * @param patienceEvaluations evaluations without a better holdout macro-F1 that end the run
         * @return this builder
         */
        public Builder optEarlyStopping(int evaluations, int patienceEvaluations) {
            evaluationsPerEpoch = evaluations;
            patience = patienceEvaluations;
            return this;
        }

        public Builder optSeed(long value) {
            seed = value;
            return this;
        }

        public Builder optPooling(Pooling value) {
            pooling = value;
            return this;
        }

        public Builder optClassWeighting(ClassWeighting value) {
            classWeighting = value;
            return this;
        }

        public Builder optLinearProbe(boolean value) {
            linearProbe = value;
            return this;
        }

        public Builder optFrozenLayers(int value) {
            frozenLayers = value;
            return this;
        }

        public Builder optFreezeWordEmbeddings(boolean value) {
            freezeWordEmbeddings = value;
            return this;
        }

        public Builder optLexicalWeight(float value) {
            lexicalWeight = value;
            return this;
        }

        public Builder optParentBlend(float value) {
            parentBlend = value;
            return this;
        }

        /**
         * @return the validated settings
         * @throws IllegalArgumentException naming the first invalid option
         */
        public FineTuneConfig build() {
            return new FineTuneConfig(
                    maxLength,
                    maxWindows,
                    batchSize,
                    epochs,
                    minSteps,
                    learningRate,
                    warmupRatio,
                    weightDecay,
                    maxGradNorm,
                    holdoutFraction,
                    evaluationsPerEpoch,
                    patience,
                    seed,
                    pooling,
                    classWeighting,
                    linearProbe,
                    frozenLayers,
                    freezeWordEmbeddings,
                    lexicalWeight,
                    parentBlend);
        }
    }
}
