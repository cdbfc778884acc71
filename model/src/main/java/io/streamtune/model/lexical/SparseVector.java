package io.streamtune.model.lexical;

/**
 * A sparse feature vector: ascending, distinct indices with their values.
 *
 * @param indices the non-zero positions, ascending
 * @param values the value at each position
 */
public record SparseVector(int[] indices, float[] values) {

    public SparseVector {
        if (indices.length != values.length) {
            throw new IllegalArgumentException(indices.length + " indices for " + values.length + " values");
        }
    }

    public int size() {
        return indices.length;
    }
}
