package io.streamtune.classifier.batching;

/**
 * Whether a text has anything a reader (or the model's tokenizer) can see. White space, the Unicode space, line and
 * paragraph separators (no-break space included, which {@link String#isBlank()} misses), control characters (NUL,
 * BEL, escapes) and invisible format characters (zero-width space and joiners, the byte-order mark, direction marks)
 * carry no words: the tokenizer drops them, so a text made only of them would be classified from nothing.
 */
final class VisibleText {

    private VisibleText() {}

    /** True when the text has no code point other than white space, separators, controls and format characters. */
    static boolean isAbsent(String text) {
        return text.codePoints().allMatch(VisibleText::isInvisible);
    }

    private static boolean isInvisible(int codePoint) {
        if (Character.isWhitespace(codePoint)) {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.CONTROL,
                    Character.FORMAT -> true;
            default -> false;
        };
    }
}
