package io.streamtune.cli.correct;

import io.streamtune.cli.input.InputRow;
import io.streamtune.schemas.LabelCorrection;
import java.time.Instant;

/**
 * Turns a row into a {@link LabelCorrection}: {@code eventId} (or {@code id}) and {@code label} are required;
 * {@code text}, {@code annotator} (else the default) and {@code previousLabel} are optional.
 */
final class CorrectionRows {

    private final String defaultAnnotator;
    private final Instant now;

    CorrectionRows(String defaultAnnotator, Instant now) {
        this.defaultAnnotator = defaultAnnotator;
        this.now = now;
    }

    /** @throws io.streamtune.cli.input.BadLineException when a required field is missing */
    LabelCorrection toCorrection(InputRow row) {
        String eventId =
                row.text("eventId").or(() -> row.text("id")).orElseThrow(() -> row.bad("missing field 'eventId'"));
        return correction(
                eventId,
                row.requiredText("label").strip(),
                row.text("text").orElse(null),
                row.text("annotator").orElse(defaultAnnotator),
                row.text("previousLabel").orElse(null));
    }

    LabelCorrection correction(String eventId, String label, String text, String annotator, String previousLabel) {
        return LabelCorrection.newBuilder()
                .setEventId(eventId)
                .setLabel(label)
                .setText(text)
                .setAnnotator(annotator)
                .setCorrectedTime(now)
                .setPreviousLabel(previousLabel)
                .build();
    }
}
