package io.streamtune.model.tokenize;

import java.util.Arrays;

/**
 * One text as BERT input, before padding: word-piece ids and token type ids with {@code [CLS]} and
 * {@code [SEP]} in place.
 */
public final class TokenizedText {

    private final long[] ids;
    private final long[] typeIds;
    private final boolean truncated;
    private final int fullLength;

    /**
     * Creates a tokenized text.
     *
     * @param ids the token ids, special tokens included
     * @param typeIds the token type ids, one per id
     * @param truncated whether word pieces were dropped to fit the maximum length
     * @param fullLength the number of tokens before truncation, special tokens included
     */
    public TokenizedText(long[] ids, long[] typeIds, boolean truncated, int fullLength) {
        if (ids.length != typeIds.length) {
            throw new IllegalArgumentException(
                    "ids and typeIds differ in length: " + ids.length + " vs " + typeIds.length);
        }
        if (fullLength < ids.length) {
            throw new IllegalArgumentException("fullLength " + fullLength + " is below the length " + ids.length);
        }
        this.ids = ids.clone();
        this.typeIds = typeIds.clone();
        this.truncated = truncated;
        this.fullLength = fullLength;
    }

    /**
     * The token ids.
     *
     * @return a copy of the ids
     */
    public long[] ids() {
        return ids.clone();
    }

    /**
     * The token type ids.
     *
     * @return a copy of the token type ids
     */
    public long[] typeIds() {
        return typeIds.clone();
    }

    /**
     * The number of tokens kept.
     *
     * @return the length, special tokens included
     */
    public int length() {
        return ids.length;
    }

    /**
     * Whether word pieces were dropped.
     *
     * @return true when the text was longer than the maximum length
     */
    public boolean truncated() {
        return truncated;
    }

    /**
     * The number of tokens the text had before truncation.
     *
     * @return the untruncated length, special tokens included
     */
    public int fullLength() {
        return fullLength;
    }

    void copyInto(long[] idRow, long[] typeRow, long[] maskRow) {
        System.arraycopy(ids, 0, idRow, 0, ids.length);
        System.arraycopy(typeIds, 0, typeRow, 0, typeIds.length);
        Arrays.fill(maskRow, 0, ids.length, 1L);
    }

    @Override
    public String toString() {
        return "TokenizedText[length=" + ids.length + ", fullLength=" + fullLength + ", truncated=" + truncated + "]";
    }
}
