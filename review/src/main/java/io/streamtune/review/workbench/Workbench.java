package io.streamtune.review.workbench;

import io.streamtune.review.accuracy.AuditBook.Disagreement;
import io.streamtune.review.queue.ItemFilter;
import io.streamtune.review.queue.Offer;
import io.streamtune.review.queue.ReviewItem;
import io.streamtune.review.state.Decision;
import io.streamtune.review.state.ReviewState;
import io.streamtune.schemas.FeedbackKind;
import io.streamtune.schemas.LabelCorrection;
import java.time.Clock;
import java.util.Optional;

/**
 * What an annotator can do: take the next item, label it (a correction, confirmation or audit), skip it, undo the
 * last label; and what a reviewer can do besides: resolve a disagreement. The annotator is always the logged-in
 * user, passed in by the web layer.
 */
public final class Workbench {

    private final ReviewState state;
    private final Clock clock;

    public Workbench(ReviewState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    /**
     * The annotator's next item, leased to them (the lease is on the broker before the item is returned).
     *
     * @throws ReviewException 503 while the state is still being read
     */
    public Optional<Offer> next(String annotator, ItemFilter filter) {
        requireReady();
        Optional<Offer> offer = state.queue().next(annotator, filter, clock.instant());
        offer.ifPresent(state::writeLease);
        return offer;
    }

    /**
     * Labels an item the annotator holds; it is sent once the undo window has passed.
     *
     * @throws ReviewException 409 when the item is not (or no longer) theirs, 400 for a label the model lacks
     */
    public Decision decide(String annotator, String eventId, String label) {
        requireReady();
        ReviewItem item = held(annotator, eventId);
        if (label == null || !item.scores().containsKey(label)) {
            throw new ReviewException(
                    400,
                    "unknown label '" + label + "'; this model's labels are "
                            + item.scores().keySet());
        }
        Decision decision = new Decision(item, label, annotator, clock.instant());
        state.queue().decided(eventId, annotator);
        state.sender().submit(decision);
        return decision;
    }

    /** Gives an item back; this annotator does not get it again. */
    public void skip(String annotator, String eventId) {
        requireReady();
        held(annotator, eventId);
        state.queue().skip(eventId, annotator);
        state.releaseLease(eventId, annotator);
    }

    /**
     * Takes back the annotator's last label, while it waits for its undo window; the item is theirs again.
     *
     * @throws ReviewException 409 when there is nothing left to undo
     */
    public ReviewItem undo(String annotator) {
        Decision undone = state.sender()
                .undoLast(annotator)
                .orElseThrow(() -> new ReviewException(409, "nothing to undo: the last label was already sent"));
        state.writeLease(state.queue().undecided(undone.item(), annotator, clock.instant()));
        return undone.item();
    }

    /**
     * Resolves a disagreement on an audit item with the label that counts: an AUDIT label by the reviewer, sent at
     * once, which the audited accuracy takes as the item's truth (and the trainer's audit holdout as its label).
     * The caller has checked that the user is a reviewer.
     *
     * @throws ReviewException 404 when the item has no unresolved disagreement, 400 for a label that is neither an
     *     annotator's nor the prediction, 503 when the topic cannot take it now (nothing was changed)
     */
    public LabelCorrection resolve(String reviewer, String eventId, String label) {
        requireReady();
        Disagreement disagreement = state.audits()
                .unresolved(eventId == null ? "" : eventId)
                .orElseThrow(
                        () -> new ReviewException(404, "item " + eventId + " has no disagreement left to resolve"));
        if (label == null || !disagreement.choices().contains(label)) {
            throw new ReviewException(
                    400, "a resolution picks one of " + disagreement.choices() + ", not '" + label + "'");
        }
        LabelCorrection resolution = LabelCorrection.newBuilder()
                .setEventId(eventId)
                .setLabel(label)
                .setAnnotator(reviewer)
                .setCorrectedTime(clock.instant())
                .setPreviousLabel(disagreement.predicted())
                .setKind(FeedbackKind.AUDIT)
                .setModelVersion(disagreement.version())
                .build();
        if (!state.sender().sendNow(resolution)) {
            throw new ReviewException(503, "the resolution could not be sent to Kafka now; try again");
        }
        state.audits().add(eventId, disagreement.version(), disagreement.predicted(), label, reviewer, true);
        return resolution;
    }

    private ReviewItem held(String annotator, String eventId) {
        if (eventId == null || !state.queue().holds(eventId, annotator, clock.instant())) {
            throw new ReviewException(
                    409,
                    "item " + eventId + " is not yours now (its lease ended, or it was"
                            + " labelled); take the next one");
        }
        return state.queue()
                .item(eventId)
                .orElseThrow(() -> new ReviewException(409, "item " + eventId + " was labelled meanwhile"));
    }

    private void requireReady() {
        if (!state.ready()) {
            throw new ReviewException(503, "the workbench is still reading its state from Kafka; try again");
        }
    }
}
