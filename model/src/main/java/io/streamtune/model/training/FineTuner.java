package io.streamtune.model.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.streamtune.model.bert.BertSequenceClassifier;
import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.model.tokenize.TextTokenizer;
import io.streamtune.model.tokenize.TextWindows;
import io.streamtune.model.tokenize.TokenBatch;
import io.streamtune.model.tokenize.TokenizedText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fine-tunes a {@link BertSequenceClassifier} in place: length-bucketed batches with dynamic
 * padding, cross-entropy loss (class-weighted when configured) on the mean logits of each example's windows,
 * AdamW with warm-up and linear decay, global-norm gradient clipping, at least {@link
 * FineTuneConfig#minSteps()} steps, holdout evaluations with early stopping that restores the best parameters,
 * and a fixed seed.
 *
 * <p>Not thread-safe; one run at a time per classifier.
 */
public final class FineTuner {

    /** Steps between progress reports. */
    public static final int REPORT_EVERY_STEPS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(FineTuner.class);

    private final FineTuneConfig config;
    private final ProgressListener listener;

    /**
     * Creates a fine-tuner.
     *
     * @param config the hyperparameters
     * @param listener receives progress and evaluations
     */
    public FineTuner(FineTuneConfig config, ProgressListener listener) {
        this.config = config;
        this.listener = listener;
    }

    /**
     * Trains the classifier on {@code train}, evaluating on {@code holdout}.
     *
     * @param classifier the classifier to train, its head sized for {@code labels}
     * @param tokenizer the tokenizer (its maximum length is used as is)
     * @param labels the label names in output index order
     * @param train the training examples
     * @param holdout the early-stopping examples; empty to train the whole schedule without evaluations
     * @param manager owns the optimiser state and temporary arrays
     * @return what the run did; the classifier then holds the best parameters
     */
    public FineTuneResult fineTune(
            BertSequenceClassifier classifier,
            TextTokenizer tokenizer,
            List<String> labels,
            List<LabeledText> train,
            List<LabeledText> holdout,
            NDManager manager) {
        if (classifier.numLabels() != labels.size() || train.isEmpty()) {
            throw new IllegalArgumentException("need a head of " + labels.size() + " labels (got "
                    + classifier.numLabels() + ") and a non-empty training set");
        }
        Engine.getInstance().setRandomSeed((int) config.seed());
        Run run = new Run(classifier, tokenizer, labels, train, holdout, manager);
        try {
            return run.execute();
        } finally {
            run.close();
        }
    }

    /** The state of one run. */
    private final class Run implements AutoCloseable {

        private final BertSequenceClassifier classifier;
        private final TextTokenizer tokenizer;
        private final List<String> labels;
        private final List<LabeledText> holdout;
        private final NDManager manager;
        private final TextWindows encoded;
        private final long[] targets;
        private final float[] classWeights;
        private final int epochs;
        private final LengthBucketSampler sampler;
        private final int totalSteps;
        private final WarmupLinearSchedule schedule;
        private final ClassifierOptimizer optimizer;
        private final BatchPredictor predictor;
        private final long started = System.nanoTime();
        private ParameterSnapshot best;
        private EvaluationReport bestReport;
        private int bestStep;
        private int step;
        private int reportedStep;
        private int skipped;
        private long examples;
        private double lossSum;
        private int lossCount;

        Run(
                BertSequenceClassifier classifier,
                TextTokenizer tokenizer,
                List<String> labels,
                List<LabeledText> train,
                List<LabeledText> holdout,
                NDManager manager) {
            this.classifier = classifier;
            this.tokenizer = tokenizer;
            this.labels = List.copyOf(labels);
            this.holdout = holdout;
            this.manager = manager;
            this.encoded =
                    tokenizer.windows(train.stream().map(LabeledText::text).toList());
            this.targets = targets(train, labels);
            this.classWeights = config.classWeighting().weights(counts(targets, labels.size()));
            this.sampler = new LengthBucketSampler(
                    IntStream.range(0, encoded.textCount())
                            .map(encoded::tokenCount)
                            .toArray(),
                    config.batchSize(),
                    config.seed());
            this.epochs = config.epochsFor(sampler.batchesPerEpoch());
            this.totalSteps = sampler.batchesPerEpoch() * epochs;
            this.schedule = WarmupLinearSchedule.forRun(config.learningRate(), config.warmupRatio(), totalSteps);
            this.optimizer = new ClassifierOptimizer(classifier.namedParameters(), config, schedule);
            this.predictor = new BatchPredictor(classifier, tokenizer, Math.max(32, config.batchSize()));
        }

        FineTuneResult execute() {
            int perEpoch = sampler.batchesPerEpoch();
            int evalEvery = (perEpoch + config.evaluationsPerEpoch() - 1) / config.evaluationsPerEpoch();
            int withoutImprovement = 0;
            LOG.info(
                    "Fine-tuning on {} examples ({} windows), {} holdout, {} labels: {} epochs of {} steps, config {}",
                    encoded.textCount(),
                    encoded.windows().size(),
                    holdout.size(),
                    labels.size(),
                    epochs,
                    perEpoch,
                    config);
            int lastEpoch = 1;
            for (int epoch = 1; epoch <= epochs && withoutImprovement < config.patience(); epoch++) {
                lastEpoch = epoch;
                List<int[]> batches = sampler.nextEpoch();
                for (int b = 0; b < batches.size() && withoutImprovement < config.patience(); b++) {
                    trainStep(batches.get(b));
                    if (step % REPORT_EVERY_STEPS == 0 || step == totalSteps) {
                        report(epoch);
                    }
                    if (!holdout.isEmpty() && ((b + 1) % evalEvery == 0 || b + 1 == batches.size())) {
                        withoutImprovement = evaluate() ? 0 : withoutImprovement + 1;
                    }
                }
            }
            if (step > reportedStep) { // stopped early between two reports: the last step is reported too
                report(lastEpoch);
            }
            if (holdout.isEmpty()) {
                bestStep = step;
            } else if (bestStep != step) {
                LOG.info("Restoring the parameters of step {} (holdout macro-F1 {})", bestStep, bestReport.macroF1());
                best.restore();
            }
            Duration duration = Duration.ofNanos(System.nanoTime() - started);
            return new FineTuneResult(
                    bestReport, step, bestStep, step < totalSteps, examples / seconds(duration), duration);
        }

        private void trainStep(int[] indices) {
            try (NDManager scratch = manager.newSubManager()) {
                List<TokenizedText> rows = new ArrayList<>();
                long[] batchTargets = new long[indices.length];
                float[] weights = new float[indices.length];
                for (int i = 0; i < indices.length; i++) {
                    int first = encoded.firstWindow(indices[i]);
                    rows.addAll(encoded.windows().subList(first, first + encoded.windowCount(indices[i])));
                    batchTargets[i] = targets[indices[i]];
                    weights[i] = classWeights[(int) targets[indices[i]]];
                }
                NDList inputs = TokenBatch.pack(
                                rows, IntStream.range(0, rows.size()).toArray(), tokenizer.padId())
                        .toNDList(scratch);
                try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                    NDArray windowLogits = classifier
                            .forward(new ParameterStore(scratch, false), inputs, true)
                            .singletonOrThrow();
                    NDArray logits = rows.size() == indices.length
                            ? windowLogits
                            : windowMeans(indices, rows.size(), scratch).matMul(windowLogits);
                    NDArray loss = crossEntropy(logits, scratch.create(batchTargets), scratch.create(weights));
                    collector.backward(loss);
                    lossSum += loss.getFloat();
                    lossCount++;
                }
                float norm = optimizer.step(scratch);
                if (!Float.isFinite(norm)) {
                    skipped++;
                    LOG.warn("Skipped step {}: gradient norm {} (total skipped {})", step + 1, norm, skipped);
                }
            }
            step++;
            examples += indices.length;
        }

        /** The (examples, windows) matrix that averages each example's window logits. */
        private NDArray windowMeans(int[] indices, int windowCount, NDManager scratch) {
            float[] means = new float[indices.length * windowCount];
            int column = 0;
            for (int i = 0; i < indices.length; i++) {
                int count = encoded.windowCount(indices[i]);
                for (int w = 0; w < count; w++) {
                    means[i * windowCount + column++] = 1f / count;
                }
            }
            return scratch.create(means, new Shape(indices.length, windowCount));
        }

        private boolean evaluate() {
            EvaluationReport report = predictor.evaluate(holdout, labels, manager);
            boolean improved = bestReport == null || report.macroF1() > bestReport.macroF1();
            if (improved) {
                if (best != null) {
                    best.close();
                }
                best = ParameterSnapshot.of(classifier.namedParameters(), manager);
                bestReport = report;
                bestStep = step;
            }
            listener.onEvaluation(step, report, improved);
            return improved;
        }

        private void report(int epoch) {
            reportedStep = step;
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            Duration remaining = elapsed.multipliedBy(totalSteps - step).dividedBy(Math.max(1, step));
            listener.onProgress(new TrainingProgress(
                    epoch,
                    epochs,
                    step,
                    totalSteps,
                    lossSum / Math.max(1, lossCount),
                    schedule.at(step),
                    examples / seconds(elapsed),
                    elapsed,
                    remaining));
            lossSum = 0;
            lossCount = 0;
        }

        @Override
        public void close() {
            if (best != null) {
                best.close();
            }
        }
    }

    /** Mean cross-entropy of (batch, labels) logits against (batch) class indices. */
    static NDArray crossEntropy(NDArray logits, NDArray targets) {
        NDArray logProbabilities = logits.logSoftmax(1);
        NDArray oneHot = targets.oneHot((int) logits.getShape().get(1));
        return logProbabilities.mul(oneHot).sum(new int[] {1}).neg().mean();
    }

    /**
     * Weighted mean cross-entropy, as PyTorch's {@code CrossEntropyLoss(weight=...)}: each example's loss times its
     * weight, divided by the sum of the weights.
     */
    static NDArray crossEntropy(NDArray logits, NDArray targets, NDArray exampleWeights) {
        NDArray logProbabilities = logits.logSoftmax(1);
        NDArray oneHot = targets.oneHot((int) logits.getShape().get(1));
        NDArray perExample = logProbabilities.mul(oneHot).sum(new int[] {1}).neg();
        return perExample.mul(exampleWeights).sum().div(exampleWeights.sum());
    }

    private static long[] counts(long[] targets, int labels) {
        long[] counts = new long[labels];
        for (long target : targets) {
            counts[(int) target]++;
        }
        return counts;
    }

    private static long[] targets(List<LabeledText> examples, List<String> labels) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        long[] targets = new long[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            Integer target = index.get(examples.get(i).label());
            if (target == null) {
                throw new IllegalArgumentException(
                        "example label " + examples.get(i).label() + " is not one of " + labels);
            }
            targets[i] = target;
        }
        return targets;
    }

    private static double seconds(Duration duration) {
        return Math.max(1e-9, duration.toNanos() / 1e9);
    }
}
