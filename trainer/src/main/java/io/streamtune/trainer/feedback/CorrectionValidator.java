package io.streamtune.trainer.feedback;

import io.streamtune.schemas.LabelCorrection;
import io.streamtune.trainer.feedback.RejectedCorrectionException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks that need no state before a correction may become training data: keyed by its event id, a known label, an
 * allowed annotator. The rate limit is {@link AnnotatorRateLimit}'s.
 */
final class CorrectionValidator {

    private final Set<String> labels;
    private final Set<String> allowedAnnotators;

    CorrectionValidator(FeedbackSettings settings) {
        this.labels = new HashSet<>(settings.labels());
        this.allowedAnnotators = settings.allowedAnnotators();
    }

    /**
     * @throws RejectedCorrectionException naming the first rule broken
     */
    void check(byte[] key, LabelCorrection correction) {
        String eventId = correction.getEventId();
        if (key == null || !eventId.equals(new String(key, StandardCharsets.UTF_8))) {
            throw new RejectedCorrectionException(
                    Reason.KEY_MISMATCH, "the record key must be the event id " + eventId);
        }
        if (!labels.contains(correction.getLabel())) {
            throw new RejectedCorrectionException(
                    Reason.UNKNOWN_LABEL, "label " + correction.getLabel() + " is not one of " + labels);
        }
        String annotator = correction.getAnnotator();
        if (!allowedAnnotators.isEmpty() && !allowedAnnotators.contains(annotator)) {
            throw new RejectedCorrectionException(
                    Reason.ANNOTATOR_NOT_ALLOWED, "annotator " + annotator + " is not on the allow-list");
        }
    }
}
