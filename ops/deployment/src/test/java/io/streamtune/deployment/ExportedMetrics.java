package io.streamtune.deployment;

import io.streamtune.classifier.deadletter.DeadLetterReason;
import io.streamtune.classifier.http.MetricsRenderer;
import io.streamtune.classifier.metrics.ClassifierMetrics;
import io.streamtune.review.accuracy.AuditBook;
import io.streamtune.review.queue.Lane;
import io.streamtune.review.web.ReviewMetricsText;
import io.streamtune.schemas.FeedbackKind;
import io.streamtune.trainer.TrainerMetricsText;
import io.streamtune.trainer.round.RoundMetrics;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/** The Prometheus metric names the deployed system exposes, found from the applications themselves. */
final class ExportedMetrics {

    private ExportedMetrics() {}

    /** Every metric name in the classifier's real {@code /metrics} text (Kafka client metrics left out). */
    static Set<String> classifier() {
        ClassifierMetrics metrics = new ClassifierMetrics();
        metrics.recordAccepted();
        metrics.recordBatch(1, 5);
        metrics.recordClassified(1, 9);
        metrics.recordDeadLetter(DeadLetterReason.EMPTY_TEXT);
        metrics.recordReload(1);
        Map<MetricName, Metric> noKafkaMetrics = Map.of();
        return namesIn(new MetricsRenderer(metrics, () -> noKafkaMetrics, "probe").render());
    }

    /** Every metric name in the trainer's real {@code /metrics} text. */
    static Set<String> trainer() {
        try (RoundMetrics rounds = new RoundMetrics()) {
            return namesIn(TrainerMetricsText.render(rounds, Map.of()));
        }
    }

    /** Every metric name in the review workbench's real {@code /metrics} text, with one audited version. */
    static Set<String> review() {
        AuditBook audits = new AuditBook("probe");
        audits.add("e-1", 1, "pos", "pos", "probe", false);
        return namesIn(ReviewMetricsText.render(new ReviewMetricsText.Snapshot(
                "probe",
                Map.of(Lane.UNCERTAIN, 1, Lane.AUDIT, 1),
                Map.of(FeedbackKind.AUDIT, 1L),
                0,
                audits.versions(),
                true)));
    }

    private static Set<String> namesIn(String text) {
        Set<String> names = new TreeSet<>();
        text.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }
}
