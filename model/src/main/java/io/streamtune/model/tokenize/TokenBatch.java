package io.streamtune.model.tokenize;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable batch of texts ready for BERT: input ids, attention mask and token type ids, padded
 * to the longest text of the batch (dynamic padding), plus where each row came from.
 *
 * <p>Row {@code r} holds the text at position {@link #originalIndex(int) originalIndex(r)} of the
 * list the batch was made from, so results computed per row can be put back in input order.
 */
public final class TokenBatch {

    private final long[][] inputIds;
    private final long[][] attentionMask;
    private final long[][] typeIds;
    private final int[] originalIndices;
    private final int[] lengths;
    private final boolean[] truncated;

    private TokenBatch(int rows, int columns) {
        inputIds = new long[rows][columns];
        attentionMask = new long[rows][columns];
        typeIds = new long[rows][columns];
        originalIndices = new int[rows];
        lengths = new int[rows];
        truncated = new boolean[rows];
    }

    /**
     * Pads texts to the longest of them.
     *
     * @param texts the tokenized texts, one per row, at least one
     * @param originalIndices for every row, the position of its text in the caller's input
     * @param padId the id that fills positions after a text's end (0 for BERT's {@code [PAD]})
     * @return the batch
     */
    public static TokenBatch pack(List<TokenizedText> texts, int[] originalIndices, long padId) {
        return packToLength(texts, originalIndices, padId, 0);
    }

    /**
     * Pads texts to a fixed length, or to the longest of them if that is longer: static padding, for
     * engines that need one input shape and for measuring what dynamic padding saves.
     *
     * @param texts the tokenized texts, one per row, at least one
     * @param originalIndices for every row, the position of its text in the caller's input
     * @param padId the padding id
     * @param length the padded length
     * @return the batch
     */
    public static TokenBatch packToLength(List<TokenizedText> texts, int[] originalIndices, long padId, int length) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one text");
        }
        if (texts.size() != originalIndices.length) {
            throw new IllegalArgumentException(
                    "texts and originalIndices differ in size: " + texts.size() + " vs " + originalIndices.length);
        }
        int columns = Math.max(
                length, texts.stream().mapToInt(TokenizedText::length).max().orElseThrow());
        TokenBatch batch = new TokenBatch(texts.size(), columns);
        for (int row = 0; row < texts.size(); row++) {
            TokenizedText text = texts.get(row);
            Arrays.fill(batch.inputIds[row], padId);
            text.copyInto(batch.inputIds[row], batch.typeIds[row], batch.attentionMask[row]);
            batch.originalIndices[row] = originalIndices[row];
            batch.lengths[row] = text.length();
            batch.truncated[row] = text.truncated();
        }
        return batch;
    }

    /**
     * The number of texts.
     *
     * @return the number of rows
     */
    public int size() {
        return inputIds.length;
    }

    /**
     * The padded length: the length of the longest text of the batch.
     *
     * @return the number of columns
     */
    public int sequenceLength() {
        return inputIds[0].length;
    }

    /**
     * The input ids, {@code [size][sequenceLength]}.
     *
     * @return a copy
     */
    public long[][] inputIds() {
        return deepCopy(inputIds);
    }

    /**
     * The attention mask: 1 for a token, 0 for padding.
     *
     * @return a copy
     */
    public long[][] attentionMask() {
        return deepCopy(attentionMask);
    }

    /**
     * The token type ids (all 0 for single texts).
     *
     * @return a copy
     */
    public long[][] tokenTypeIds() {
        return deepCopy(typeIds);
    }

    /**
     * Where a row's text was in the caller's input.
     *
     * @param row the row
     * @return the original position
     */
    public int originalIndex(int row) {
        return originalIndices[row];
    }

    /**
     * The original positions of all rows.
     *
     * @return a copy, one entry per row
     */
    public int[] originalIndices() {
        return originalIndices.clone();
    }

    /**
     * The number of real tokens of a row.
     *
     * @param row the row
     * @return the length before padding, special tokens included
     */
    public int length(int row) {
        return lengths[row];
    }

    /**
     * Whether a row's text lost word pieces to the maximum length.
     *
     * @param row the row
     * @return true when truncated
     */
    public boolean truncated(int row) {
        return truncated[row];
    }

    /**
     * The number of real (non-padding) tokens of the batch.
     *
     * @return the sum of the row lengths
     */
    public long tokenCount() {
        return Arrays.stream(lengths).asLongStream().sum();
    }

    /**
     * The batch as int64 arrays of shape {@code (size, sequenceLength)}, in the order of
     * HuggingFace's {@code BertModel.forward}: input ids, attention mask, token type ids.
     *
     * @param manager the manager that owns the new arrays
     * @return the three arrays
     */
    public NDList toNDList(NDManager manager) {
        return new NDList(toArray(manager, inputIds), toArray(manager, attentionMask), toArray(manager, typeIds));
    }

    private static NDArray toArray(NDManager manager, long[][] rows) {
        int columns = rows[0].length;
        long[] flat = new long[rows.length * columns];
        for (int row = 0; row < rows.length; row++) {
            System.arraycopy(rows[row], 0, flat, row * columns, columns);
        }
        return manager.create(flat, new Shape(rows.length, columns));
    }

    private static long[][] deepCopy(long[][] rows) {
        long[][] copy = new long[rows.length][];
        for (int row = 0; row < rows.length; row++) {
            copy[row] = rows[row].clone();
        }
        return copy;
    }

    @Override
    public String toString() {
        return "TokenBatch[size=" + size() + ", sequenceLength=" + sequenceLength() + "]";
    }
}
