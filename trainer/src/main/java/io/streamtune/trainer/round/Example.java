package io.streamtune.trainer.round;

import java.util.Objects;

/**
 * One labelled example of the training set.
 *
 * @param eventId the event it belongs to (the training set's key)
 * @param text its text
 * @param label its (latest) label
 */
public record Example(String eventId, String text, String label) {

    public Example {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
    }
}
