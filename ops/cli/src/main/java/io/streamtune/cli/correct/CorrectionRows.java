package io.streamtune.cli.correct;

import io.streamtune.cli.input.InputRow;
import io.streamtune.schemas.FeedbackKind;
import io.streamtune.schemas.LabelCorrection;
import java.time.Instant;

/**
 * Turns a row into a {@link LabelCorrection}: {@code eventId} (or {@code id}) and {@code label} are required;
 * {@code text}, {@code annotator} (else the default), {@code previousLabel} and {@code kind} ({@code
 * correction|confirmation|audit}, else the default) are optional.
 */
final class CorrectionRows {

    private final String defaultAnnotator;
    private final FeedbackKind defaultKind;
    private final Instant now;

    CorrectionRows(String defaultAnnotator, FeedbackKind defaultKind, Instant now) {
        this.defaultAnnotator = defaultAnnotator;
        this.defaultKind = defaultKind;
        this.now = now;
    }

    /** @throws io.streamtune.cli.input.BadLineException when a required field is missing or the kind is unknown */
    LabelCorrection toCorrection(InputRow row) {
        String eventId =
                row.text("eventId").or(() -> row.text("id")).orElseThrow(() -> row.bad("missing field 'eventId'"));
        return correction(
                eventId,
                row.requiredText("label").strip(),
                row.text("text").orElse(null),
                row.text("annotator").orElse(defaultAnnotator),
                row.text("previousLabel").orElse(null),
                kind(row));
    }

    private FeedbackKind kind(InputRow row) {
        return row.text("kind")
                .filter(name -> !name.isBlank())
                .map(name -> KindName.parse(name).orElseThrow(() -> row.bad(KindName.problem("field 'kind'", name))))
                .orElse(defaultKind);
    }

    LabelCorrection correction(
            String eventId, String label, String text, String annotator, String previousLabel, FeedbackKind kind) {
        return LabelCorrection.newBuilder()
                .setEventId(eventId)
                .setLabel(label)
                .setText(text)
                .setAnnotator(annotator)
                .setCorrectedTime(now)
                .setPreviousLabel(previousLabel)
                .setKind(kind)
                .build();
    }
}
