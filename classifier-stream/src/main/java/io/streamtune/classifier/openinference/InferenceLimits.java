package io.streamtune.classifier.openinference;

/**
 * What one infer request may carry.
 *
 * @param maxTexts the most texts in one request
 * @param textMaxBytes the most UTF-8 bytes of one text, the stream's own limit
 */
record InferenceLimits(int maxTexts, int textMaxBytes) {

    /** Room for JSON escapes and the request's envelope around the texts. */
    private static final long ENVELOPE_BYTES = 64 * 1024;

    /**
     * The largest request body read: every text at its limit, twice over for JSON escapes, plus the envelope; a
     * larger body is refused before it is parsed.
     */
    long maxBodyBytes() {
        return Math.min(Integer.MAX_VALUE - 8L, 2L * maxTexts * textMaxBytes + ENVELOPE_BYTES);
    }
}
