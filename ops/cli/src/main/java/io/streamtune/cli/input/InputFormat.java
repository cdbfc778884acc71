package io.streamtune.cli.input;

import java.nio.file.Path;
import java.util.Locale;

/** How an input file is written; chosen from the file name unless given. */
public enum InputFormat {
    /** One JSON object per line. */
    JSONL,
    /** Comma-separated values, the first line naming the columns. */
    CSV,
    /** Plain text, one text per line (a field {@code text}), as read from stdin. */
    LINES;

    /** CSV for a name ending in {@code .csv}, JSON Lines otherwise. */
    public static InputFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") ? CSV : JSONL;
    }
}
