package io.streamtune.model.tokenize;

/**
 * Validated settings of a {@link TextTokenizer}.
 *
 * <p>{@code maxLength} counts every position, special tokens included ({@code [CLS]} and {@code
 * [SEP]}), and may not exceed {@value #MODEL_MAX_LENGTH}, the size of BERT's position table. A text
 * whose word pieces do not fit keeps its first {@link #headLength()} and its last {@link
 * #tailLength()} word pieces: see {@link TextTokenizer} for why.
 *
 * @param maxLength the longest sequence produced, special tokens included, in [3, 512]
 * @param headLength how many leading word pieces a truncated text keeps, in [0, maxLength - 2]
 */
public record TokenizerConfig(int maxLength, int headLength) {

    /** The number of positions BERT models have embeddings for. */
    public static final int MODEL_MAX_LENGTH = 512;

    /** The special tokens around a single text: {@code [CLS]} and {@code [SEP]}. */
    public static final int SPECIAL_TOKENS = 2;

    /** The maximum length used when none is configured. */
    public static final int DEFAULT_MAX_LENGTH = 128;

    /**
     * The share of the word-piece budget kept from the head of a long text. Sun et al., "How to
     * Fine-Tune BERT for Text Classification?" (2019), found 128 head + 382 tail word pieces of a
     * 510 budget best on long reviews: about a quarter head, three quarters tail.
     */
    public static final double DEFAULT_HEAD_SHARE = 0.25;

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
