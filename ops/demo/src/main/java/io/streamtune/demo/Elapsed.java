package io.streamtune.demo;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them: {@code 45s}, {@code 5m03s}. */
final class Elapsed {

    private Elapsed() {}

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + "s" : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
}
