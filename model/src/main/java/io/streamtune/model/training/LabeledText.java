package io.streamtune.model.training;

import java.util.Objects;

/**
 * One training or evaluation example.
 *
 * @param text the text
 * @param label the name of its class
 */
public record LabeledText(String text, String label) {

    /** Refuses nulls. */
    public LabeledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
    }
}
