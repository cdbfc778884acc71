package io.streamtune.trainer.round;

import io.streamtune.schemas.FeedbackKind;
import io.streamtune.schemas.LabelCorrection;
import java.util.Objects;

/**
 * One labelled example of the training set.
 *
 * @param eventId the event it belongs to (the training set's key)
 * @param text its text
 * @param label its (latest) label
 * @param seed whether it came with the initial labelled set of bootstrap: a sample drawn without regard to what a
 *     version got wrong, unlike corrections, so the gate can see on it what a candidate forgot
 * @param kind what its latest label says: a correction or a confirmation of a prediction (both trained on), or an
 *     audit of an item drawn at random for review (never trained on: the unbiased holdout of the gate)
 */
public record Example(String eventId, String text, String label, boolean seed, FeedbackKind kind) {

    public Example {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
    }

    /** A correction, seed or not. */
    public Example(String eventId, String text, String label, boolean seed) {
        this(eventId, text, label, seed, FeedbackKind.CORRECTION);
    }

    /** A correction that is not from the initial labelled set. */
    public Example(String eventId, String text, String label) {
        this(eventId, text, label, false);
    }

    /**
     * The example of a training-set record (which must carry its text); seed when bootstrap wrote it, a correction
     * when it has no kind.
     */
    public static Example of(LabelCorrection record) {
        return new Example(
                record.getEventId(),
                record.getText(),
                record.getLabel(),
                Bootstrapper.ANNOTATOR.equals(record.getAnnotator()),
                record.getKind() == null ? FeedbackKind.CORRECTION : record.getKind());
    }

    /** Whether it is an audit label, kept for the audit holdout. */
    public boolean isAudit() {
        return kind == FeedbackKind.AUDIT;
    }
}
