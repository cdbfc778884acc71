package io.streamtune.cli.bootstrap;

import io.streamtune.model.eval.EvaluationReport;
import java.util.List;
import java.util.Locale;

/** What {@code streamtune bootstrap} prints when version 1 is published: the data, the holdout report, where it went. */
final class BootstrapReport {

    private BootstrapReport() {}

    /**
     * @param model the model name
     * @param version the version published
     * @param labels the classes, in output order
     * @param trainedOn how many examples it was trained on
     * @param holdout its report on the held-out examples (per-class precision, recall, F1, confusion matrix)
     * @param topic the model-versions topic it was published to
     */
    static String format(
            String model, long version, List<String> labels, int trainedOn, EvaluationReport holdout, String topic) {
        return String.format(
                        Locale.ROOT,
                        "%s version %d: %d classes (%s), trained on %d examples, evaluated on %d held out"
                                + " (stratified by label)%n",
                        model,
                        version,
                        labels.size(),
                        String.join(", ", labels),
                        trainedOn,
                        holdout.total())
                + holdout
                + String.format(Locale.ROOT, "published %s version %d PROMOTED to %s%n", model, version, topic);
    }
}
