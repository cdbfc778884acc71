package io.streamtune.trainer.gate;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Promotes a candidate when its holdout metric is at least the in-service version's minus a margin; both must be
 * evaluated on the same holdout. With no version in service (the first), a candidate is promoted.
 *
 * <p>Corrections are the mistakes of the version in service, so a holdout made of them favours any candidate trained
 * on their kind, even one that forgot what the version in service knew. Two unbiased samples guard against that, each
 * checked when both metric maps carry it:
 *
 * <ul>
 *   <li>{@value #SEED_ACCURACY}, accuracy on the held-out part of the initial labelled set, which no version's
 *       mistakes chose: a candidate worse there than the version in service by more than the seed margin is
 *       rejected;
 *   <li>the audit holdout ({@value #AUDIT_PREFIX}{@code <metric>}, the gate's metric on the labels of items drawn
 *       uniformly at random for review, never trained on): a candidate worse there by more than the audit margin is
 *       rejected, once the audit holdout has at least the audit minimum of examples ({@value #AUDIT_EXAMPLES}).
 * </ul>
 */
public final class Gate {

    /** The metric key of accuracy on the held-out seed examples. */
    public static final String SEED_ACCURACY = "seedHoldout.accuracy";

    /** The prefix of the metric keys on the audit holdout: {@code auditHoldout.accuracy}, {@code .macroF1}. */
    public static final String AUDIT_PREFIX = "auditHoldout.";

    /** The metric key of the audit holdout's size. */
    public static final String AUDIT_EXAMPLES = AUDIT_PREFIX + "examples";

    private final String metric;
    private final double margin;
    private final double seedMargin;
    private final AuditRule audit;

    /**
     * The audit holdout's rule.
     *
     * @param margin how much lower than the version in service a candidate's metric on the audit holdout may be, in
     *     [0, 1] (1: never checked)
     * @param minExamples the fewest audit examples for the check, at least 1 (fewer say too little)
     */
    public record AuditRule(double margin, int minExamples) {

        /** The rule that never rejects. */
        public static final AuditRule OFF = new AuditRule(1.0, 1);

        public AuditRule {
            if (!(margin >= 0 && margin <= 1)) {
                throw new IllegalArgumentException("audit margin must be in [0, 1]: " + margin);
            }
            if (minExamples < 1) {
                throw new IllegalArgumentException("audit minimum of examples must be >= 1: " + minExamples);
            }
        }
    }

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
        this(metric, margin, seedMargin, AuditRule.OFF);
    }

    /** @param audit the rule of the audit holdout */
    public Gate(String metric, double margin, double seedMargin, AuditRule audit) {
        if (margin < 0 || Double.isNaN(margin)) {
            throw new IllegalArgumentException("margin must be >= 0: " + margin);
        }
        if (!(seedMargin >= 0 && seedMargin <= 1)) {
            throw new IllegalArgumentException("seed margin must be in [0, 1]: " + seedMargin);
        }
        this.metric = metric;
        this.margin = margin;
        this.seedMargin = seedMargin;
        this.audit = audit;
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
        Map<String, Double> serving = inService.get();
        double servingValue = value(serving, "in-service");
        boolean promote = candidateValue >= servingValue - margin;
        String reason = String.format(
                Locale.ROOT,
                "%s %.4f %s %.4f - margin %.4f",
                metric,
                candidateValue,
                promote ? ">=" : "<",
                servingValue,
                margin);
        if (promote && worse(candidate, serving, SEED_ACCURACY, seedMargin)) {
            promote = false;
            reason += ", but it forgets: " + comparison(candidate, serving, SEED_ACCURACY, "seed margin", seedMargin);
        }
        String auditMetric = AUDIT_PREFIX + metric;
        if (promote && enoughAudits(candidate) && worse(candidate, serving, auditMetric, audit.margin())) {
            promote = false;
            reason += String.format(
                    Locale.ROOT,
                    ", but it is worse on the %.0f audited examples: %s",
                    candidate.get(AUDIT_EXAMPLES),
                    comparison(candidate, serving, auditMetric, "audit margin", audit.margin()));
        }
        return new GateDecision(promote, metric, candidateValue, servingValue, reason);
    }

    private boolean enoughAudits(Map<String, Double> candidate) {
        Double examples = candidate.get(AUDIT_EXAMPLES);
        return examples != null && examples >= audit.minExamples();
    }

    /** Whether both maps carry the key and the candidate's value is below the serving one's by more than the margin. */
    private static boolean worse(
            Map<String, Double> candidate, Map<String, Double> serving, String key, double allowed) {
        Double candidateValue = candidate.get(key);
        Double servingValue = serving.get(key);
        return candidateValue != null && servingValue != null && candidateValue < servingValue - allowed;
    }

    private static String comparison(
            Map<String, Double> candidate, Map<String, Double> serving, String key, String name, double allowed) {
        return String.format(
                Locale.ROOT, "%s %.4f < %.4f - %s %.4f", key, candidate.get(key), serving.get(key), name, allowed);
    }

    private double value(Map<String, Double> metrics, String whose) {
        Double value = metrics.get(metric);
        if (value == null || value.isNaN()) {
            throw new IllegalArgumentException("the " + whose + " metrics have no " + metric + ": " + metrics);
        }
        return value;
    }
}
