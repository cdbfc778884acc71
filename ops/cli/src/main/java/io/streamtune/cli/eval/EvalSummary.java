package io.streamtune.cli.eval;

import io.streamtune.model.eval.EvaluationReport;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The printed result of an evaluation: counts, the model's evaluation report, latency percentiles. */
final class EvalSummary {

    private EvalSummary() {}

    static EvaluationReport report(List<EvalTracker.Outcome> outcomes) {
        return EvaluationReport.of(
                outcomes.stream().map(outcome -> outcome.example().label()).toList(),
                outcomes.stream().map(EvalTracker.Outcome::predicted).toList());
    }

    static String format(List<EvalTracker.Outcome> outcomes, int sent, List<LabelledExample> missing) {
        return format(outcomes, sent, missing, Map.of());
    }

    /**
     * @param deadLettered how many sent texts the classifier dead-lettered, by reason
     */
    static String format(
            List<EvalTracker.Outcome> outcomes,
            int sent,
            List<LabelledExample> missing,
            Map<String, Long> deadLettered) {
        StringBuilder out = new StringBuilder();
        long dead = deadLettered.values().stream().mapToLong(Long::longValue).sum();
        out.append(String.format(
                Locale.ROOT,
                "classified %d of %d sent (%d dead-lettered, %d not read back in time)%n",
                outcomes.size(),
                sent,
                dead,
                missing.size()));
        if (dead > 0) {
            out.append("dead-lettered by reason:");
            deadLettered.forEach((reason, count) ->
                    out.append(' ').append(reason).append(' ').append(count));
            out.append(String.format(Locale.ROOT, "%n"));
        }
        if (outcomes.isEmpty()) {
            return out.toString();
        }
        out.append(report(outcomes));
        out.append(latencyLine(
                "end-to-end latency (sent -> classification read back, read_committed) ms",
                outcomes.stream().mapToLong(EvalTracker.Outcome::latencyMillis).toArray()));
        out.append(latencyLine(
                "of which event time -> classified time (the classifier's clock) ms",
                outcomes.stream()
                        .mapToLong(EvalTracker.Outcome::classifierMillis)
                        .toArray()));
        return out.toString();
    }

    private static String latencyLine(String title, long[] millis) {
        Percentiles latency = new Percentiles(millis);
        return String.format(
                Locale.ROOT,
                "%s: p50 %d  p95 %d  p99 %d  max %d%n",
                title,
                latency.of(50),
                latency.of(95),
                latency.of(99),
                latency.of(100));
    }
}
