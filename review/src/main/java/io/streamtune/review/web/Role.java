package io.streamtune.review.web;

import java.util.Locale;

/** What a user may do: annotators label items; reviewers also resolve disagreements. */
public enum Role {
    ANNOTATOR,
    REVIEWER;

    /** The role a users file names. */
    public static Role fromKey(String key) {
        return valueOf(key.trim().toUpperCase(Locale.ROOT));
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
