package io.streamtune.model.eval;

/**
 * Precision, recall and F1 of one class. A ratio whose denominator is zero is 0 (the convention of
 * scikit-learn's {@code zero_division=0}).
 *
 * @param label the class
 * @param precision true positives over predicted positives
 * @param recall true positives over actual positives
 * @param f1 the harmonic mean of precision and recall
 * @param support the number of examples whose true label is this class
 */
public record ClassMetrics(String label, double precision, double recall, double f1, int support) {

    static ClassMetrics of(String label, int truePositives, int predicted, int actual) {
        double precision = ratio(truePositives, predicted);
        double recall = ratio(truePositives, actual);
        double f1 = precision + recall == 0.0 ? 0.0 : 2.0 * precision * recall / (precision + recall);
        return new ClassMetrics(label, precision, recall, f1, actual);
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
