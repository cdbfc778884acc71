package io.streamtune.review.web;

import io.streamtune.review.accuracy.AuditBook;
import io.streamtune.review.queue.Offer;
import io.streamtune.review.queue.ReviewItem;
import io.streamtune.review.state.ReviewState;
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
        return ReviewMetricsText.render(new ReviewMetricsText.Snapshot(
                modelName,
                state.queue().sizes(),
                state.sender().sent(),
                state.sender().pendingCount(),
                state.audits().versions(),
                state.ready()));
    }
}
