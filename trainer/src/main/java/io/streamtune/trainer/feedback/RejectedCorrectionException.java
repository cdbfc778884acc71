package io.streamtune.trainer.feedback;

/**
 * A correction that was read but cannot become training data; its {@link Reason} and message go to the
 * dead-letter topic's headers.
 */
public class RejectedCorrectionException extends RuntimeException {

    /** Why a correction was refused. */
    public enum Reason {
        /** The record key is not the correction's event id, so it cannot be joined or de-duplicated. */
        KEY_MISMATCH,
        /** The label is not in the model's label set. */
        UNKNOWN_LABEL,
        /** The annotator is not on the allow-list. */
        ANNOTATOR_NOT_ALLOWED,
        /** The annotator sent more corrections per minute than allowed. */
        RATE_LIMITED,
        /** The correction carries no text and no classification of its event arrived in time. */
        EVENT_NEVER_SEEN
    }

    private final Reason reason;

    public RejectedCorrectionException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
