package io.streamtune.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.streamtune.model.tokenize.BatchPlan;
import io.streamtune.model.tokenize.TextWindows;
import io.streamtune.model.tokenize.TokenBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores texts cut into windows: every window of every text goes through the classifier in length-grouped
 * batches (dropout off, no gradients recorded), and each text's window logits are pooled into the text's
 * logits. The one place where inference and training evaluation turn windows into scores.
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

    private static List<float[]> forward(Block classifier, TokenBatch batch, NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray logits = classifier
                    .forward(new ParameterStore(scope, false), batch.toNDList(scope), false)
                    .singletonOrThrow();
            int labels = (int) logits.getShape().get(1);
            float[] flat = logits.toFloatArray();
            List<float[]> rows = new ArrayList<>(batch.size());
            for (int row = 0; row < batch.size(); row++) {
                float[] values = new float[labels];
                System.arraycopy(flat, row * labels, values, 0, labels);
                rows.add(values);
            }
            return rows;
        }
    }

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
