package io.streamtune.review.web;

import io.streamtune.review.accuracy.VersionAccuracy;
import io.streamtune.review.queue.Lane;
import io.streamtune.runtime.ops.MetricsPage;
import io.streamtune.schemas.FeedbackKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The workbench's {@code /metrics} page: the queue, the labels sent, and each version's audited accuracy. */
public final class ReviewMetricsText {

    /** What one scrape reports. */
    public record Snapshot(
            String model,
            Map<Lane, Integer> queueSizes,
            Map<FeedbackKind, Long> sent,
            int pending,
            List<VersionAccuracy> versions,
            boolean ready) {}

    private ReviewMetricsText() {}

    public static String render(Snapshot snapshot) {
        MetricsPage page = new MetricsPage();
        Map<String, String> model = Map.of("model", snapshot.model());
        snapshot.queueSizes()
                .forEach((lane, size) -> page.gauge(
                        "streamtune_review_queue_items",
                        "Items waiting for review, per lane.",
                        Map.of("model", snapshot.model(), "lane", lane.name().toLowerCase(Locale.ROOT)),
                        size));
        snapshot.sent()
                .forEach((kind, count) -> page.counter(
                        "streamtune_review_labels_sent_total",
                        "Labels sent to the corrections topic, per kind.",
                        Map.of("model", snapshot.model(), "kind", kind.name().toLowerCase(Locale.ROOT)),
                        count));
        page.gauge(
                "streamtune_review_labels_pending", "Labels waiting for their undo window.", model, snapshot.pending());
        for (VersionAccuracy version : snapshot.versions()) {
            Map<String, String> labels = Map.of("model", snapshot.model(), "version", Long.toString(version.version()));
            page.gauge("streamtune_audited_accuracy", "Accuracy on audited events.", labels, version.accuracy());
            page.gauge(
                    "streamtune_audited_accuracy_low",
                    "Lower end of its 95% Wilson interval.",
                    labels,
                    version.interval().low());
            page.gauge(
                    "streamtune_audited_accuracy_high",
                    "Upper end of its 95% Wilson interval.",
                    labels,
                    version.interval().high());
            page.gauge("streamtune_audited_macro_f1", "Macro-F1 on audited events.", labels, version.macroF1());
            page.gauge(
                    "streamtune_audited_events",
                    "Audited events of the version (the sample size).",
                    labels,
                    version.audited());
        }
        page.gauge("streamtune_review_ready", "1 once the state is read from Kafka.", model, snapshot.ready() ? 1 : 0);
        return page.render();
    }
}
