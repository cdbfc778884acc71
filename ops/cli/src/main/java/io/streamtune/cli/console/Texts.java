package io.streamtune.cli.console;

/** Text shortened to fit one terminal line. */
public final class Texts {

    private Texts() {}

    /** The text on one line (line breaks as spaces), cut to at most {@code max} characters with an ellipsis. */
    public static String shorten(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        if (oneLine.length() <= max) {
            return oneLine;
        }
        return oneLine.substring(0, Math.max(0, max - 1)) + "…";
    }
}
