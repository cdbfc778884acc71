package io.streamtune.model.bench;

/**
 * Logistic regression on fixed features, trained by full-batch gradient descent on standardised
 * features: a cheap, deterministic way to compare sentence representations.
 */
final class LinearProbe {

    private static final int EPOCHS = 300;
    private static final double LEARNING_RATE = 0.5;
    private static final double L2 = 1e-3;

    private final double[] mean;
    private final double[] std;
    private final double[] weights;
    private double bias;

    private LinearProbe(int dims) {
        mean = new double[dims];
        std = new double[dims];
        weights = new double[dims];
    }

    /** Trains on features (rows) with 0/1 targets. */
    static LinearProbe train(float[][] features, int[] targets) {
        LinearProbe probe = new LinearProbe(features[0].length);
        probe.standardiseFrom(features);
        double[][] x = probe.standardise(features);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            probe.step(x, targets);
        }
        return probe;
    }

    /** The share of rows whose predicted class equals the target. */
    double accuracy(float[][] features, int[] targets) {
        double[][] x = standardise(features);
        int correct = 0;
        for (int i = 0; i < x.length; i++) {
            int predicted = logit(x[i]) > 0 ? 1 : 0;
            correct += predicted == targets[i] ? 1 : 0;
        }
        return (double) correct / x.length;
    }

    private void step(double[][] x, int[] targets) {
        double[] gradient = new double[weights.length];
        double biasGradient = 0;
        for (int i = 0; i < x.length; i++) {
            double error = 1 / (1 + Math.exp(-logit(x[i]))) - targets[i];
            for (int d = 0; d < weights.length; d++) {
                gradient[d] += error * x[i][d];
            }
            biasGradient += error;
        }
        for (int d = 0; d < weights.length; d++) {
            weights[d] -= LEARNING_RATE * (gradient[d] / x.length + L2 * weights[d]);
        }
        bias -= LEARNING_RATE * biasGradient / x.length;
    }

    private double logit(double[] row) {
        double sum = bias;
        for (int d = 0; d < weights.length; d++) {
            sum += weights[d] * row[d];
        }
        return sum;
    }

    private void standardiseFrom(float[][] features) {
        for (float[] row : features) {
            for (int d = 0; d < row.length; d++) {
                mean[d] += row[d] / (double) features.length;
            }
        }
        for (float[] row : features) {
            for (int d = 0; d < row.length; d++) {
                std[d] += (row[d] - mean[d]) * (row[d] - mean[d]) / features.length;
            }
        }
        for (int d = 0; d < std.length; d++) {
            std[d] = Math.sqrt(std[d]) + 1e-8;
        }
    }

    private double[][] standardise(float[][] features) {
        double[][] x = new double[features.length][mean.length];
        for (int i = 0; i < features.length; i++) {
            for (int d = 0; d < mean.length; d++) {
                x[i][d] = (features[i][d] - mean[d]) / std[d];
            }
        }
        return x;
    }
}
