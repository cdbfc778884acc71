package io.streamtune.trainer.feedback;

import io.streamtune.schemas.LabelCorrection;
import io.streamtune.trainer.feedback.RejectedCorrectionException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks that need no state before a correction may become training data: no key or its event id as key (a key
 * that disagrees with the value is refused), a known label, an allowed annotator. The rate limit is {@link AnnotatorRateLimit}'s.
 */
final class CorrectionValidator {

    /** The longest label a correction may bring when labels are open. */
    static final int MAX_NEW_LABEL_LENGTH = 100;

    private final Set<String> labels;
    private final boolean openLabels;
    private final Set<String> allowedAnnotators;

    CorrectionValidator(FeedbackSettings settings) {
        this.labels = new HashSet<>(settings.labels());
        this.openLabels = settings.openLabels();
        this.allowedAnnotators = settings.allowedAnnotators();
    }

    /**
     * @throws RejectedCorrectionException naming the first rule broken
     */
    void check(byte[] key, LabelCorrection correction) {
        String eventId = correction.getEventId();
        if (key != null && key.length > 0 && !eventId.equals(new String(key, StandardCharsets.UTF_8))) {
            throw new RejectedCorrectionException(
                    Reason.KEY_MISMATCH,
                    "the record key '" + new String(key, StandardCharsets.UTF_8) + "' disagrees with the event id "
                            + eventId + " (send no key, or the event id)");
        }
        checkLabel(correction.getLabel());
        String annotator = correction.getAnnotator();
        if (!allowedAnnotators.isEmpty() && !allowedAnnotators.contains(annotator)) {
            throw new RejectedCorrectionException(
                    Reason.ANNOTATOR_NOT_ALLOWED, "annotator " + annotator + " is not on the allow-list");
        }
    }

    /** A known label; with open labels, any label that is not blank, not padded, short and free of controls. */
    private void checkLabel(String label) {
        if (labels.contains(label)) {
            return;
        }
        if (!openLabels) {
            throw new RejectedCorrectionException(Reason.UNKNOWN_LABEL, "label " + label + " is not one of " + labels);
        }
        boolean control = label.codePoints().anyMatch(Character::isISOControl);
        if (label.isBlank() || !label.equals(label.strip()) || label.length() > MAX_NEW_LABEL_LENGTH || control) {
            throw new RejectedCorrectionException(
                    Reason.UNKNOWN_LABEL,
                    "new label '" + label + "' must be 1-" + MAX_NEW_LABEL_LENGTH
                            + " characters without surrounding white space or control characters");
        }
    }
}
