package io.streamtune.cli.produce;

import io.streamtune.cli.input.InputRow;
import io.streamtune.schemas.TextEvent;
import java.util.Optional;

/** What the record key of a produced event is: its id, nothing, or the value of a field of its row. */
final class KeyChoice {

    static final String ID = "id";
    static final String NONE = "none";

    private final String choice;

    KeyChoice(String choice) {
        this.choice = choice;
    }

    boolean usesField() {
        return !ID.equals(choice) && !NONE.equals(choice);
    }

    /** @throws io.streamtune.cli.input.BadLineException when the key field is missing from the row */
    String keyOf(InputRow row, TextEvent event) {
        if (ID.equals(choice)) {
            return event.getId();
        }
        if (NONE.equals(choice)) {
            return null;
        }
        return row.text(choice)
                .or(() -> Optional.ofNullable(event.getAttributes().get(choice)))
                .orElseThrow(() -> row.bad("no field '" + choice + "' for the key (--key " + choice + ")"));
    }
}
