package io.streamtune.trainer.gate;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Promotes a candidate when its holdout metric is at least the in-service version's minus a margin; both must be
 * evaluated on the same holdout. With no version in service (the first), a candidate is promoted.
 */
public final class Gate {

    private final String metric;
    private final double margin;

    /**
     * @param metric the metric compared, e.g. {@code accuracy} or {@code macroF1}
     * @param margin how much worse than the version in service a candidate may be, at least 0
     */
    public Gate(String metric, double margin) {
        if (margin < 0 || Double.isNaN(margin)) {
            throw new IllegalArgumentException("margin must be >= 0: " + margin);
        }
        this.metric = metric;
        this.margin = margin;
    }

    /**
     * Decides.
     *
     * @param candidate the candidate's holdout metrics
     * @param inService the serving version's metrics on the same holdout, empty when nothing serves yet
     */
    public GateDecision decide(Map<String, Double> candidate, Optional<Map<String, Double>> inService) {
        double candidateValue = value(candidate, "candidate");
        if (inService.isEmpty()) {
            return new GateDecision(true, metric, candidateValue, Double.NaN, "no version in service");
        }
        double servingValue = value(inService.get(), "in-service");
        boolean promote = candidateValue >= servingValue - margin;
        String reason = String.format(
                Locale.ROOT,
                "%s %.4f %s %.4f - margin %.4f",
                metric,
                candidateValue,
                promote ? ">=" : "<",
                servingValue,
                margin);
        return new GateDecision(promote, metric, candidateValue, servingValue, reason);
    }

    private double value(Map<String, Double> metrics, String whose) {
        Double value = metrics.get(metric);
        if (value == null || value.isNaN()) {
            throw new IllegalArgumentException("the " + whose + " metrics have no " + metric + ": " + metrics);
        }
        return value;
    }
}
