package io.streamtune.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.streamtune.model.tokenize.BatchPlan;
import io.streamtune.model.tokenize.TextWindows;
import io.streamtune.model.tokenize.TokenBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores texts cut into windows: every window of every text goes through the classifier in length-grouped
 * batches (dropout off, no gradients recorded), and each text's window logits are pooled into the text's
 * logits. The one place where inference and training evaluation turn windows into scores, and where a {@link
 * BertSequenceClassifier}'s windows become one pooled feature vector per text (the mean of its windows' features) in
 * the same pass ({@link #withFeatures}).
 */
public final class WindowedLogits {

    private WindowedLogits() {}

    /**
     * @param classifier a sequence classifier block: token batch in, (batch, labels) logits out
     * @param windows the windows of the texts
     * @param batchSize the most windows per forward pass
     * @param padId the padding id
     * @param pooling how window logits are pooled
     * @param manager parent of the temporary arrays
     * @return one row of logits per text, in text order
     */
    public static float[][] of(
            Block classifier,
            TextWindows windows,
            int batchSize,
            long padId,
            TextWindows.Pooling pooling,
            NDManager manager) {
        if (windows.textCount() == 0) {
            return new float[0][];
        }
        return GradientMode.withoutGradients(() -> {
            BatchPlan plan = windows.plan(batchSize, padId);
            List<List<float[]>> perBatch = new ArrayList<>(plan.batches().size());
            for (TokenBatch batch : plan.batches()) {
                perBatch.add(forward(classifier, batch, manager));
            }
            List<float[]> windowLogits = plan.restore(perBatch);
            return windows.pool(windowLogits, pooling);
        });
    }

    /**
     * Logits and pooled encoder features of texts from one forward pass per batch: each text's window logits are
     * pooled as in {@link #of}, its window features averaged.
     *
     * @param classifier the sequence classifier
     * @param windows the windows of the texts
     * @param batchSize the most windows per forward pass
     * @param padId the padding id
     * @param pooling how window logits are pooled
     * @param manager parent of the temporary arrays
     * @return one row of logits and one row of features per text, in text order
     */
    public static Outputs withFeatures(
            BertSequenceClassifier classifier,
            TextWindows windows,
            int batchSize,
            long padId,
            TextWindows.Pooling pooling,
            NDManager manager) {
        if (windows.textCount() == 0) {
            return new Outputs(new float[0][], new float[0][]);
        }
        return GradientMode.withoutGradients(() -> {
            BatchPlan plan = windows.plan(batchSize, padId);
            List<List<float[]>> logitsPerBatch = new ArrayList<>(plan.batches().size());
            List<List<float[]>> featuresPerBatch =
                    new ArrayList<>(plan.batches().size());
            for (TokenBatch batch : plan.batches()) {
                try (NDManager scope = manager.newSubManager()) {
                    NDList outputs =
                            classifier.logitsAndFeatures(new ParameterStore(scope, false), batch.toNDList(scope));
                    logitsPerBatch.add(rows(outputs.get(0), batch.size()));
                    featuresPerBatch.add(rows(outputs.get(1), batch.size()));
                }
            }
            float[][] logits = windows.pool(plan.restore(logitsPerBatch), pooling);
            float[][] features = windows.pool(plan.restore(featuresPerBatch), TextWindows.Pooling.MEAN);
            return new Outputs(logits, features);
        });
    }

    private static List<float[]> forward(Block classifier, TokenBatch batch, NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray logits = classifier
                    .forward(new ParameterStore(scope, false), batch.toNDList(scope), false)
                    .singletonOrThrow();
            return rows(logits, batch.size());
        }
    }

    /** The rows of a (rows, columns) array. */
    private static List<float[]> rows(NDArray matrix, int count) {
        int columns = (int) matrix.getShape().get(1);
        float[] flat = matrix.toFloatArray();
        List<float[]> rows = new ArrayList<>(count);
        for (int row = 0; row < count; row++) {
            rows.add(Arrays.copyOfRange(flat, row * columns, (row + 1) * columns));
        }
        return rows;
    }

    /**
     * What {@link #withFeatures} computed.
     *
     * @param logits one row of pooled logits per text
     * @param features one row of window-averaged pooled encoder features per text (not normalised)
     */
    public record Outputs(float[][] logits, float[][] features) {}

    /**
     * Softmax of one row of logits.
     *
     * @param logits the logits
     * @return probabilities that sum to 1
     */
    public static float[] softmax(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float value : logits) {
            max = Math.max(max, value);
        }
        double sum = 0;
        double[] exp = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            exp[i] = Math.exp(logits[i] - max);
            sum += exp[i];
        }
        float[] probabilities = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] = (float) (exp[i] / sum);
        }
        return probabilities;
    }
}
