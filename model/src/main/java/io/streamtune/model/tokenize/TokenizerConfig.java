package io.streamtune.model.tokenize;

/**
 * Validated settings of a {@link TextTokenizer}.
 *
 * <p>{@code maxLength} counts every position, special tokens included ({@code [CLS]} and {@code
 * [SEP]}), and may not exceed {@value #MODEL_MAX_LENGTH}, the size of BERT's position table. A text
 * whose word pieces do not fit keeps its first {@link #headLength()} and its last {@link
 * #tailLength()} word pieces: see {@link TextTokenizer} for why.
 *
 * <p><b>Long texts: windows.</b> With {@code maxWindows > 1} a text that does not fit is cut into
 * windows of {@code maxLength} tokens, each between its own {@code [CLS]} and {@code [SEP]}, starting every {@code
 * windowStride} word pieces (consecutive windows overlap by the rest), the last one aligned with the text's
 * end. A text that needs more than {@code maxWindows} windows keeps its first {@code maxWindows - 1} and the
 * one aligned with its end, and is flagged truncated. With {@code maxWindows == 1} a long text is head + tail
 * truncated instead.
 *
 * @param maxLength the longest sequence produced, special tokens included, in [3, 512]
 * @param headLength how many leading word pieces a truncated single-window text keeps, in [0, maxLength - 2]
 * @param windowStride word pieces between the starts of consecutive windows, in [1, maxLength - 2]
 * @param maxWindows the most windows one text is cut into, at least 1 (1: head + tail truncation)
 */
public record TokenizerConfig(int maxLength, int headLength, int windowStride, int maxWindows) {

    /** The number of positions BERT models have embeddings for. */
    public static final int MODEL_MAX_LENGTH = 512;

    /** The special tokens around a single text: {@code [CLS]} and {@code [SEP]}. */
    public static final int SPECIAL_TOKENS = 2;

    /**
     * The window cap used when none is configured: 8 windows of 128 tokens with the default stride cover about
     * 760 word pieces, roughly 3,000 characters of English, before the middle of a text is dropped.
     */
    public static final int DEFAULT_MAX_WINDOWS = 8;

    /** The maximum length used when none is configured. */
    public static final int DEFAULT_MAX_LENGTH = 128;

    /**
     * The share of the word-piece budget kept from the head of a long text. Sun et al., "How to
     * Fine-Tune BERT for Text Classification?" (2019), found 128 head + 382 tail word pieces of a
     * 510 budget best on long reviews: about a quarter head, three quarters tail.
     */
    public static final double DEFAULT_HEAD_SHARE = 0.25;

    /**
     * The share of the word-piece budget between the starts of consecutive windows: a quarter of each window
     * overlaps the next, so a sentence cut at a window's end is seen whole in the next one.
     */
    public static final double DEFAULT_STRIDE_SHARE = 0.75;

    /** Validates the settings. */
    public TokenizerConfig {
        if (maxLength <= SPECIAL_TOKENS || maxLength > MODEL_MAX_LENGTH) {
            throw new IllegalArgumentException("maxLength must be in [3, " + MODEL_MAX_LENGTH + "], was " + maxLength);
        }
        int budget = maxLength - SPECIAL_TOKENS;
        if (headLength < 0 || headLength > budget) {
            throw new IllegalArgumentException(
                    "headLength must be in [0, " + budget + "] for maxLength " + maxLength + ", was " + headLength);
        }
        if (windowStride < 1 || windowStride > budget) {
            throw new IllegalArgumentException(
                    "windowStride must be in [1, " + budget + "] for maxLength " + maxLength + ", was " + windowStride);
        }
        if (maxWindows < 1) {
            throw new IllegalArgumentException("maxWindows must be at least 1, was " + maxWindows);
        }
    }

    /**
     * Single-window settings: a long text is head + tail truncated.
     *
     * @param maxLength the longest sequence produced, special tokens included, in [3, 512]
     * @param headLength how many leading word pieces a truncated text keeps
     */
    public TokenizerConfig(int maxLength, int headLength) {
        this(maxLength, headLength, defaultStride(maxLength), 1);
    }

    /**
     * Settings with the default head share of the word-piece budget.
     *
     * @param maxLength the longest sequence produced, special tokens included, in [3, 512]
     * @return the settings
     */
    public static TokenizerConfig ofMaxLength(int maxLength) {
        if (maxLength <= SPECIAL_TOKENS || maxLength > MODEL_MAX_LENGTH) {
            throw new IllegalArgumentException("maxLength must be in [3, " + MODEL_MAX_LENGTH + "], was " + maxLength);
        }
        int head = (int) Math.round((maxLength - SPECIAL_TOKENS) * DEFAULT_HEAD_SHARE);
        return new TokenizerConfig(maxLength, head);
    }

    /**
     * Settings that cut long texts into windows of {@code maxLength} with the default stride.
     *
     * @param maxLength the window length, special tokens included, in [3, 512]
     * @param maxWindows the most windows per text (1: head + tail truncation)
     * @return the settings
     */
    public static TokenizerConfig windowed(int maxLength, int maxWindows) {
        TokenizerConfig single = ofMaxLength(maxLength);
        return new TokenizerConfig(maxLength, single.headLength(), defaultStride(maxLength), maxWindows);
    }

    private static int defaultStride(int maxLength) {
        int budget = Math.max(1, maxLength - SPECIAL_TOKENS);
        return Math.max(1, (int) Math.round(budget * DEFAULT_STRIDE_SHARE));
    }

    /**
     * The default settings: maximum length 128, a quarter of the budget from the head.
     *
     * @return the settings
     */
    public static TokenizerConfig defaults() {
        return ofMaxLength(DEFAULT_MAX_LENGTH);
    }

    /**
     * How many trailing word pieces a truncated text keeps.
     *
     * @return {@code maxLength - 2 - headLength}
     */
    public int tailLength() {
        return maxLength - SPECIAL_TOKENS - headLength;
    }
}
