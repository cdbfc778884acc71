package io.streamtune.trainer.feedback;

import io.streamtune.schemas.LabelCorrection;
import io.streamtune.trainer.feedback.RejectedCorrectionException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Checks that a correction may become training data: keyed by its event id, a known label, an allowed annotator,
 * and within the annotator's rate limit (a fixed window per minute of record time, so replays decide the same).
 */
final class CorrectionValidator {

    private static final long MINUTE_MS = 60_000L;

    private final Set<String> labels;
    private final Set<String> allowedAnnotators;
    private final int ratePerMinute;
    private final KeyValueStore<String, String> rates;

    CorrectionValidator(FeedbackSettings settings, KeyValueStore<String, String> rates) {
        this.labels = new HashSet<>(settings.labels());
        this.allowedAnnotators = settings.allowedAnnotators();
        this.ratePerMinute = settings.ratePerMinute();
        this.rates = rates;
    }

    /**
     * @throws RejectedCorrectionException naming the first rule broken
     */
    void check(byte[] key, LabelCorrection correction, long timestamp) {
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
        if (ratePerMinute > 0) {
            countAgainstRate(annotator, timestamp);
        }
    }

    private void countAgainstRate(String annotator, long timestamp) {
        long minute = timestamp / MINUTE_MS;
        String stored = rates.get(annotator);
        long count = 0;
        if (stored != null) {
            String[] parts = stored.split(":", 2);
            if (Long.parseLong(parts[0]) == minute) {
                count = Long.parseLong(parts[1]);
            }
        }
        if (count >= ratePerMinute) {
            throw new RejectedCorrectionException(
                    Reason.RATE_LIMITED,
                    "annotator " + annotator + " exceeded " + ratePerMinute + " corrections per minute");
        }
        rates.put(annotator, minute + ":" + (count + 1));
    }
}
