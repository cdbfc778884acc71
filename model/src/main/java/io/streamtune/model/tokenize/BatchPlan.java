package io.streamtune.model.tokenize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Texts grouped into batches of similar length, so that dynamic padding wastes little, with the way
 * back to the input order.
 *
 * <p>Texts are sorted by token length (ties keep input order) and cut into consecutive batches of
 * at most {@code batchSize}; each batch pads only to its own longest text. {@link #restore(List)}
 * puts per-row results back in the order of the input.
 */
public final class BatchPlan {

    private final List<TokenBatch> batches;
    private final int textCount;

    private BatchPlan(List<TokenBatch> batches, int textCount) {
        this.batches = List.copyOf(batches);
        this.textCount = textCount;
    }

    /**
     * Groups tokenized texts by length.
     *
     * @param texts the texts, in input order
     * @param batchSize the most texts per batch, at least 1
     * @param padId the padding id
     * @return the plan
     */
    public static BatchPlan byLength(List<TokenizedText> texts, int batchSize, long padId) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        int[] order = IntStream.range(0, texts.size())
                .boxed()
                .sorted(Comparator.comparingInt((Integer i) -> texts.get(i).length()))
                .mapToInt(Integer::intValue)
                .toArray();
        List<TokenBatch> batches = new ArrayList<>();
        for (int start = 0; start < order.length; start += batchSize) {
            int[] indices = Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize));
            List<TokenizedText> rows = new ArrayList<>(indices.length);
            for (int index : indices) {
                rows.add(texts.get(index));
            }
            batches.add(TokenBatch.pack(rows, indices, padId));
        }
        return new BatchPlan(batches, texts.size());
    }

    /**
     * The batches, shortest texts first.
     *
     * @return an unmodifiable list
     */
    public List<TokenBatch> batches() {
        return batches;
    }

    /**
     * The number of texts in all batches.
     *
     * @return the number of input texts
     */
    public int textCount() {
        return textCount;
    }

    /**
     * Puts per-row results back in input order.
     *
     * @param resultsPerBatch for every batch of {@link #batches()}, in that order, one result per row
     * @param <R> the result type
     * @return the results, element {@code i} belonging to input text {@code i}
     */
    public <R> List<R> restore(List<? extends List<? extends R>> resultsPerBatch) {
        if (resultsPerBatch.size() != batches.size()) {
            throw new IllegalArgumentException(
                    "expected results for " + batches.size() + " batches, got " + resultsPerBatch.size());
        }
        List<R> restored = new ArrayList<>(Collections.nCopies(textCount, (R) null));
        for (int b = 0; b < batches.size(); b++) {
            TokenBatch batch = batches.get(b);
            List<? extends R> results = resultsPerBatch.get(b);
            if (results.size() != batch.size()) {
                throw new IllegalArgumentException(
                        "batch " + b + " has " + batch.size() + " rows but " + results.size() + " results");
            }
            for (int row = 0; row < batch.size(); row++) {
                restored.set(batch.originalIndex(row), results.get(row));
            }
        }
        return restored;
    }
}
