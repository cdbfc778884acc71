package io.streamtune.trainer.round;

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
 */
public record Example(String eventId, String text, String label, boolean seed) {

    public Example {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
    }

    /** An example that is not from the initial labelled set. */
    public Example(String eventId, String text, String label) {
        this(eventId, text, label, false);
    }

    /** The example of a training-set record (which must carry its text); seed when bootstrap wrote it. */
    public static Example of(LabelCorrection record) {
        return new Example(
                record.getEventId(),
                record.getText(),
                record.getLabel(),
                Bootstrapper.ANNOTATOR.equals(record.getAnnotator()));
    }
}
