package io.streamtune.cli.produce;

import io.streamtune.cli.client.CommandException;
import io.streamtune.schemas.TextEvent;

/**
 * What the record key of a produced event is: its id, or nothing. An event's identity is its {@code id}: the
 * classifier keys every classification by it and dead-letters ({@code KEY_MISMATCH}) an event whose key is not its
 * id, so no other key can be sent.
 */
enum KeyChoice {
    ID,
    NONE;

    static final String DEFAULT = "id";

    /**
     * The choice named by {@code --key}.
     *
     * @throws CommandException for any name but {@code id} or {@code none}, naming the rule
     */
    static KeyChoice parse(String name) {
        if ("id".equals(name)) {
            return ID;
        }
        if ("none".equals(name)) {
            return NONE;
        }
        throw new CommandException("--key " + name + ": an event's key must be its id (--key id, the default) or"
                + " absent (--key none); the classifier dead-letters an event whose key is not its id (KEY_MISMATCH),"
                + " and the field can go in as an attribute instead");
    }

    String keyOf(TextEvent event) {
        return this == ID ? event.getId() : null;
    }
}
