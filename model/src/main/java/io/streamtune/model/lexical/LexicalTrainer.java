package io.streamtune.model.lexical;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits a {@link LexicalModel}: multinomial logistic regression on {@link NgramFeatures} by stochastic gradient
 * descent with L2 decay on the positions an example touches, then a temperature chosen by the log-loss of
 * out-of-fold predictions ({@value #FOLDS}-fold), so that its probabilities mean what they say before they are
 * multiplied with BERT's. Training is seeded and takes well under a second for thousands of short texts.
 */
public final class LexicalTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(LexicalTrainer.class);

    static final int FOLDS = 5;
    private static final int EPOCHS = 20;
    private static final double LEARNING_RATE = 0.5;
    private static final double L2 = 1e-4;
    private static final double[] TEMPERATURES = {0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8, 12, 16};

    private final NgramFeatures features;
    private final long seed;

    /**
     * @param buckets hash positions of the features
     * @param seed the seed of shuffling and folds
     */
    public LexicalTrainer(int buckets, long seed) {
        this.features = new NgramFeatures(buckets);
        this.seed = seed;
    }

    /**
     * Trains on every example.
     *
     * @param texts the training texts
     * @param truth the label of each text, all in {@code labels}
     * @param labels the classes in output order
     * @param fusionWeight the weight the model's log-probabilities get when fused with BERT's
     */
    public LexicalModel train(List<String> texts, List<String> truth, List<String> labels, float fusionWeight) {
        if (texts.size() != truth.size()) {
            throw new IllegalArgumentException(texts.size() + " texts for " + truth.size() + " labels");
        }
        long start = System.nanoTime();
        List<SparseVector> vectors = new ArrayList<>(texts.size());
        int[] classes = new int[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            vectors.add(features.of(texts.get(i)));
            classes[i] = labels.indexOf(truth.get(i));
            if (classes[i] < 0) {
                throw new IllegalArgumentException("label " + truth.get(i) + " is not one of " + labels);
            }
        }
        float temperature = (float) temperature(vectors, classes, labels.size());
        LexicalModel model = fit(vectors, classes, labels.size(), all(vectors.size()), temperature, fusionWeight);
        LOG.info(
                "Lexical model on {} examples: temperature {}, fusion weight {} ({} ms)",
                texts.size(),
                temperature,
                fusionWeight,
                (System.nanoTime() - start) / 1_000_000);
        return model;
    }

    /** The temperature with the least out-of-fold log-loss; 1 for a set too small to fold. */
    private double temperature(List<SparseVector> vectors, int[] classes, int classCount) {
        if (vectors.size() < 2 * FOLDS) {
            return 1;
        }
        int[] order = shuffled(vectors.size(), new Random(seed ^ 0x5eedL));
        double[][] outOfFold = new double[vectors.size()][];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < order.length; i++) {
                (i % FOLDS == fold ? test : train).add(order[i]);
            }
            LexicalModel model = fit(vectors, classes, classCount, train, 1, 0);
            test.forEach(i -> outOfFold[i] = model.scores(vectors.get(i)));
        }
        double best = 1;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (double temperature : TEMPERATURES) {
            double loss = 0;
            for (int i = 0; i < outOfFold.length; i++) {
                loss -= LexicalModel.logSoftmax(outOfFold[i], temperature)[classes[i]];
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = temperature;
            }
        }
        return best;
    }

    private LexicalModel fit(
            List<SparseVector> vectors,
            int[] classes,
            int classCount,
            List<Integer> rows,
            float temperature,
            float fusionWeight) {
        int buckets = features.buckets();
        float[] weights = new float[buckets * classCount];
        float[] bias = new float[classCount];
        boolean[] touched = new boolean[buckets];
        Random random = new Random(seed);
        int[] order = rows.stream().mapToInt(Integer::intValue).toArray();
        double[] gradient = new double[classCount];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            shuffle(order, random);
            double rate = LEARNING_RATE / (1 + 0.2 * epoch);
            for (int row : order) {
                step(vectors.get(row), classes[row], weights, bias, touched, gradient, rate);
            }
        }
        return sparse(weights, bias, touched, classCount, temperature, fusionWeight);
    }

    private static void step(
            SparseVector x, int truth, float[] weights, float[] bias, boolean[] touched, double[] g, double rate) {
        int classCount = bias.length;
        int[] indices = x.indices();
        float[] values = x.values();
        for (int c = 0; c < classCount; c++) {
            g[c] = bias[c];
        }
        for (int i = 0; i < indices.length; i++) {
            int base = indices[i] * classCount;
            for (int c = 0; c < classCount; c++) {
                g[c] += values[i] * weights[base + c];
            }
        }
        double[] log = LexicalModel.logSoftmax(g, 1);
        for (int c = 0; c < classCount; c++) {
            g[c] = Math.exp(log[c]) - (c == truth ? 1 : 0);
            bias[c] -= (float) (rate * g[c]);
        }
        for (int i = 0; i < indices.length; i++) {
            int base = indices[i] * classCount;
            touched[indices[i]] = true;
            for (int c = 0; c < classCount; c++) {
                weights[base + c] -= (float) (rate * (g[c] * values[i] + L2 * weights[base + c]));
            }
        }
    }

    private LexicalModel sparse(
            float[] weights, float[] bias, boolean[] touched, int classCount, float temperature, float fusionWeight) {
        int count = 0;
        for (boolean used : touched) {
            count += used ? 1 : 0;
        }
        int[] positions = new int[count];
        float[] rows = new float[count * classCount];
        int next = 0;
        for (int position = 0; position < touched.length; position++) {
            if (touched[position]) {
                positions[next] = position;
                System.arraycopy(weights, position * classCount, rows, next * classCount, classCount);
                next++;
            }
        }
        return new LexicalModel(features, classCount, positions, rows, bias, temperature, fusionWeight);
    }

    private static List<Integer> all(int size) {
        List<Integer> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            rows.add(i);
        }
        return rows;
    }

    private static int[] shuffled(int size, Random random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        shuffle(order, random);
        return order;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
