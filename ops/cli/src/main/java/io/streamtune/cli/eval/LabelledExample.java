package io.streamtune.cli.eval;

import io.streamtune.cli.input.InputRow;

/**
 * One example of a labelled file.
 *
 * @param line its line number
 * @param text the text
 * @param label the true label
 */
record LabelledExample(long line, String text, String label) {

    /** @throws io.streamtune.cli.input.BadLineException when {@code text} or {@code label} is missing or blank */
    static LabelledExample of(InputRow row) {
        String text = row.requiredText("text");
        String label = row.requiredText("label").strip();
        if (text.isBlank()) {
            throw row.bad("field 'text' is blank");
        }
        return new LabelledExample(row.line(), text, label);
    }
}
