package io.streamtune.quality.loop;

import java.util.Locale;

/** Which items the simulated annotator labels. */
public enum Annotator {
    /** The model's mistakes in arrival order (with a budget: the first ones of each review window). */
    ARRIVAL,
    /** The items of each review window with the smallest margin between the two top probabilities. */
    UNCERTAIN;

    /** The annotator an option names ({@code arrival}, {@code uncertain}). */
    public static Annotator fromKey(String key) {
        for (Annotator annotator : values()) {
            if (annotator.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
                return annotator;
            }
        }
        throw new IllegalArgumentException("--annotator must be arrival or uncertain: " + key);
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
