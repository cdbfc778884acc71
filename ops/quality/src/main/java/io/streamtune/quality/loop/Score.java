package io.streamtune.quality.loop;

import io.streamtune.model.eval.EvaluationReport;

/**
 * Accuracy and macro-F1 of one evaluation.
 *
 * @param accuracy the share of correct predictions
 * @param macroF1 the unweighted mean F1 over the label set
 */
public record Score(double accuracy, double macroF1) {

    /** No evaluation (e.g. a candidate that was not evaluated on the test split). */
    public static final Score NONE = new Score(Double.NaN, Double.NaN);

    public static Score of(EvaluationReport report) {
        return new Score(report.accuracy(), report.macroF1());
    }
}
