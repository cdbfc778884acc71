package io.streamtune.cli.models;

import io.streamtune.cli.client.CommandException;

/** Version numbers as typed: {@code 3} or {@code v3}. */
final class VersionNumbers {

    private VersionNumbers() {}

    static long parse(String text) {
        String digits = text.startsWith("v") || text.startsWith("V") ? text.substring(1) : text;
        try {
            long version = Long.parseLong(digits);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CommandException("'" + text + "' is not a version number (e.g. 3 or v3)");
    }
}
