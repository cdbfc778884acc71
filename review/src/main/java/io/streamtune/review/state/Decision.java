package io.streamtune.review.state;

import io.streamtune.review.queue.Lane;
import io.streamtune.review.queue.ReviewItem;
import io.streamtune.schemas.FeedbackKind;
import io.streamtune.schemas.LabelCorrection;
import java.time.Instant;

/**
 * A person's label of an item: its kind follows from the lane and the prediction (an audit item's label is an
 * AUDIT, right or wrong; otherwise the predicted label is a CONFIRMATION and another one a CORRECTION).
 *
 * @param annotator the logged-in user, never a value from the form
 */
public record Decision(ReviewItem item, String label, String annotator, Instant decidedAt) {

    public FeedbackKind kind() {
        if (item.lane() == Lane.AUDIT) {
            return FeedbackKind.AUDIT;
        }
        return label.equals(item.predictedLabel()) ? FeedbackKind.CONFIRMATION : FeedbackKind.CORRECTION;
    }

    /** The record for the corrections topic. */
    public LabelCorrection toCorrection() {
        return LabelCorrection.newBuilder()
                .setEventId(item.eventId())
                .setLabel(label)
                .setText(item.text())
                .setAnnotator(annotator)
                .setCorrectedTime(decidedAt)
                .setPreviousLabel(item.predictedLabel())
                .setKind(kind())
                .setModelVersion(item.modelVersion())
                .build();
    }
}
