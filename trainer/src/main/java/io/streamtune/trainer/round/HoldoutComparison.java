package io.streamtune.trainer.round;

import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.trainer.gate.Gate;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The candidate and the version in service on the holdouts of a round, as the metric maps the gate reads: the
 * holdout's report ({@code accuracy}, {@code macroF1}, {@code examples}, per class), accuracy on its seed examples
 * ({@value Gate#SEED_ACCURACY}), and accuracy, macro-F1 and size of the audit holdout ({@value Gate#AUDIT_PREFIX}
 * {@code accuracy|macroF1|examples}), each only when that holdout has examples.
 *
 * @param candidate the candidate's metrics
 * @param inService the version in service's metrics on the same examples
 */
record HoldoutComparison(Map<String, Double> candidate, Map<String, Double> inService) {

    /** The in-service metrics a version record keeps beside the candidate's, prefixed {@value #IN_SERVICE}. */
    private static final List<String> KEPT_IN_SERVICE = List.of(
            "accuracy", "macroF1", Gate.SEED_ACCURACY, Gate.AUDIT_PREFIX + "accuracy", Gate.AUDIT_PREFIX + "macroF1");

    static final String IN_SERVICE = "inService.";

    HoldoutComparison {
        candidate = Map.copyOf(candidate);
        inService = Map.copyOf(inService);
    }

    /**
     * Evaluates both versions on the plan's holdouts.
     *
     * @param report the candidate's report on the holdout (from fine-tuning)
     */
    static HoldoutComparison of(
            CandidateTrainer trainer,
            List<String> labels,
            RoundPlan plan,
            StoredVersion candidate,
            EvaluationReport report,
            StoredVersion serving)
            throws IOException {
        Map<String, Double> candidateMetrics = new LinkedHashMap<>(report.toMap());
        Map<String, Double> servingMetrics = new LinkedHashMap<>(
                trainer.evaluate(serving, labels, plan.holdout()).toMap());
        List<Example> seedHoldout =
                plan.holdout().stream().filter(Example::seed).toList();
        if (!seedHoldout.isEmpty()) {
            candidateMetrics.put(
                    Gate.SEED_ACCURACY,
                    trainer.evaluate(candidate, labels, seedHoldout).accuracy());
            servingMetrics.put(
                    Gate.SEED_ACCURACY,
                    trainer.evaluate(serving, labels, seedHoldout).accuracy());
        }
        if (!plan.auditHoldout().isEmpty()) {
            putAudit(candidateMetrics, trainer.evaluate(candidate, labels, plan.auditHoldout()));
            putAudit(servingMetrics, trainer.evaluate(serving, labels, plan.auditHoldout()));
        }
        return new HoldoutComparison(candidateMetrics, servingMetrics);
    }

    private static void putAudit(Map<String, Double> metrics, EvaluationReport audit) {
        metrics.put(Gate.AUDIT_PREFIX + "accuracy", audit.accuracy());
        metrics.put(Gate.AUDIT_PREFIX + "macroF1", audit.macroF1());
        metrics.put(Gate.AUDIT_EXAMPLES, (double) audit.total());
    }

    /**
     * What a version record keeps: the candidate's metrics, and the version in service's accuracy and macro-F1 on
     * each holdout under {@value #IN_SERVICE}, so a user reads both sides of the gate.
     */
    Map<String, Double> recorded() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        candidate.keySet().stream().sorted().forEach(key -> metrics.put(key, candidate.get(key)));
        KEPT_IN_SERVICE.stream()
                .filter(inService::containsKey)
                .forEach(key -> metrics.put(IN_SERVICE + key, inService.get(key)));
        return metrics;
    }
}
