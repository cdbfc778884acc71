package io.streamtune.review.web;

import io.streamtune.review.accuracy.AuditBook;
import io.streamtune.review.accuracy.VersionAccuracy;
import io.streamtune.review.queue.Lane;
import io.streamtune.review.queue.Offer;
import io.streamtune.review.queue.ReviewItem;
import io.streamtune.review.state.ReviewState;
import io.streamtune.runtime.ops.MetricsPage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the page and the metrics show, as plain maps for JSON and as Prometheus text. */
public final class Views {

    private final ReviewState state;
    private final String modelName;
    private final long undoSeconds;

    public Views(ReviewState state, String modelName, long undoSeconds) {
        this.state = state;
        this.modelName = modelName;
        this.undoSeconds = undoSeconds;
    }

    long undoSeconds() {
        return undoSeconds;
    }

    boolean ready() {
        return state.ready();
    }

    /** An item as the page shows it; the text goes out as data, and the page renders it as text only. */
    Map<String, Object> item(Offer offer) {
        ReviewItem item = offer.item();
        List<Map<String, Object>> scores = new ArrayList<>();
        item.scores().forEach((label, p) -> scores.add(Map.of("label", label, "p", p)));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("eventId", item.eventId());
        view.put("text", item.text());
        view.put("predicted", item.predictedLabel());
        view.put("scores", scores);
        view.put("modelVersion", item.modelVersion());
        view.put("servingVersion", state.servingVersion());
        view.put("eventTime", item.eventTime().toString());
        view.put("lane", item.lane().name().toLowerCase(java.util.Locale.ROOT));
        view.put("uncertainty", item.uncertainty());
        view.put("leaseUntil", offer.leaseUntil().toString());
        return view;
    }

    /** Each version's audited accuracy; for reviewers also the disagreements. */
    Map<String, Object> accuracy(boolean reviewer) {
        AuditBook audits = state.audits();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("model", modelName);
        view.put("versions", audits.versions());
        view.put("agreement", agreementView(audits));
        if (reviewer) {
            view.put("disagreements", audits.disagreements());
        }
        return view;
    }

    private static Map<String, Object> agreementView(AuditBook audits) {
        var agreement = audits.agreement();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("items", agreement.items());
        view.put("observed", Double.isNaN(agreement.observed()) ? null : agreement.observed());
        view.put("kappa", Double.isNaN(agreement.kappa()) ? null : agreement.kappa());
        return view;
    }

    /** The workbench's metrics in Prometheus text. */
    String metrics() {
        MetricsPage page = new MetricsPage();
        Map<Lane, Integer> sizes = state.queue().sizes();
        sizes.forEach((lane, size) -> page.gauge(
                "streamtune_review_queue_items",
                "Items waiting for review, per lane.",
                Map.of("model", modelName, "lane", lane.name().toLowerCase(java.util.Locale.ROOT)),
                size));
        state.sender()
                .sent()
                .forEach((kind, count) -> page.counter(
                        "streamtune_review_labels_sent_total",
                        "Labels sent to the corrections topic, per kind.",
                        Map.of("model", modelName, "kind", kind.name().toLowerCase(java.util.Locale.ROOT)),
                        count));
        page.gauge(
                "streamtune_review_labels_pending",
                "Labels waiting for their undo window.",
                Map.of("model", modelName),
                state.sender().pendingCount());
        for (VersionAccuracy version : state.audits().versions()) {
            Map<String, String> labels = Map.of("model", modelName, "version", Long.toString(version.version()));
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
        page.gauge(
                "streamtune_review_ready",
                "1 once the state is read from Kafka.",
                Map.of("model", modelName),
                state.ready() ? 1 : 0);
        return page.render();
    }
}
