package io.streamtune.trainer;

import io.streamtune.runtime.ops.MetricsPage;
import io.streamtune.trainer.round.RoundMetrics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * The trainer's metrics as Prometheus text ({@code streamtune_trainer_*}), served on {@code GET /metrics}. Feedback
 * counters are summed over tasks.
 */
public final class TrainerMetricsText {

    static final String FEEDBACK_GROUP = "stream-streamtune-feedback-metrics";

    private static final String PREFIX = "streamtune_trainer_";
    private static final List<String> ROUND_GAUGES = List.of(
            "round-epoch",
            "round-step",
            "round-total-steps",
            "round-loss",
            "round-seconds-left",
            "fresh-corrections",
            "version-in-service");
    private static final List<String> ROUND_COUNTERS =
            List.of("rounds-promoted-total", "rounds-rejected-total", "rounds-failed-total");
    private static final List<String> FEEDBACK_OUTCOMES = List.of("accepted", "dead-lettered", "superseded", "waiting");

    private TrainerMetricsText() {}

    /**
     * The page: every round gauge and counter, and every feedback counter (0 until its first record).
     *
     * @param streamsMetrics the feedback ingestion's Kafka Streams metrics
     */
    public static String render(RoundMetrics rounds, Map<MetricName, ? extends Metric> streamsMetrics) {
        MetricsPage text = new MetricsPage();
        for (String name : ROUND_GAUGES) {
            text.gauge(prometheusName(name), "Trainer " + name + ".", Map.of(), rounds.value(name));
        }
        for (String name : ROUND_COUNTERS) {
            text.counter(prometheusName(name), "Trainer " + name + ".", Map.of(), rounds.value(name));
        }
        for (String outcome : FEEDBACK_OUTCOMES) {
            text.counter(
                    prometheusName("feedback-" + outcome + "-total"),
                    "Feedback records " + outcome + ", all tasks.",
                    Map.of(),
                    feedbackTotal(streamsMetrics, outcome + "-total"));
        }
        return text.render();
    }

    private static double feedbackTotal(Map<MetricName, ? extends Metric> metrics, String name) {
        double sum = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            MetricName metricName = entry.getKey();
            if (FEEDBACK_GROUP.equals(metricName.group()) && name.equals(metricName.name())) {
                sum += ((Number) entry.getValue().metricValue()).doubleValue();
            }
        }
        return sum;
    }

    private static String prometheusName(String name) {
        return PREFIX + name.replace('-', '_');
    }
}
