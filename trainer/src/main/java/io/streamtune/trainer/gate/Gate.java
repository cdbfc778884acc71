package io.streamtune.trainer.gate;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Promotes a candidate when its holdout metric is at least the in-service version's minus a margin; both must be
 * evaluated on the same holdout. With no version in service (the first), a candidate is promoted.
 *
 * <p>Corrections are the mistakes of the version in service, so a holdout made of them favours any candidate trained
 * on their kind, even one that forgot what the version in service knew. When both metric maps carry {@value
 * #SEED_ACCURACY} (accuracy on the held-out part of the initial labelled set, which no version's mistakes chose), a
 * candidate is also rejected when it is worse there than the version in service by more than the seed margin.
 */
public final class Gate {

    /** The metric key of accuracy on the held-out seed examples. */
    public static final String SEED_ACCURACY = "seedHoldout.accuracy";

    private final String metric;
    private final double margin;
    private final double seedMargin;

    /**
     * @param metric the metric compared, e.g. {@code accuracy} or {@code macroF1}
     * @param margin how much worse than the version in service a candidate may be, at least 0
     */
    public Gate(String metric, double margin) {
        this(metric, margin, 1.0);
    }

    /**
     * @param seedMargin how much lower than the version in service a candidate's accuracy on the held-out seed
     *     examples may be, in [0, 1] (1: never checked)
     */
    public Gate(String metric, double margin, double seedMargin) {
        if (margin < 0 || Double.isNaN(margin)) {
            throw new IllegalArgumentException("margin must be >= 0: " + margin);
        }
        if (!(seedMargin >= 0 && seedMargin <= 1)) {
            throw new IllegalArgumentException("seed margin must be in [0, 1]: " + seedMargin);
        }
        this.metric = metric;
        this.margin = margin;
        this.seedMargin = seedMargin;
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
        Double candidateSeed = candidate.get(SEED_ACCURACY);
        Double servingSeed = inService.get().get(SEED_ACCURACY);
        if (promote && candidateSeed != null && servingSeed != null && candidateSeed < servingSeed - seedMargin) {
            promote = false;
            reason += String.format(
                    Locale.ROOT,
                    ", but it forgets: %s %.4f < %.4f - seed margin %.4f",
                    SEED_ACCURACY,
                    candidateSeed,
                    servingSeed,
                    seedMargin);
        }
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
