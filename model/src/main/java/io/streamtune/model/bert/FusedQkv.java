package io.streamtune.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;

/**
 * The query, key and value projections of one attention layer as a single matrix multiplication, for
 * inference: one GEMM and one permutation instead of three of each. The query rows are pre-scaled by
 * 1/sqrt(headSize), which saves the scaling of the scores.
 */
final class FusedQkv {

    private final NDArray weight;
    private final NDArray bias;

    private FusedQkv(NDArray weight, NDArray bias) {
        this.weight = weight;
        this.bias = bias;
    }

    static FusedQkv of(Linear query, Linear key, Linear value, float queryScale, NDManager manager) {
        Pair<NDArray, NDArray> q = weightAndBias(query);
        Pair<NDArray, NDArray> k = weightAndBias(key);
        Pair<NDArray, NDArray> v = weightAndBias(value);
        try (NDArray scaledWeight = q.getKey().mul(queryScale);
                NDArray scaledBias = q.getValue().mul(queryScale)) {
            NDArray weight = NDArrays.concat(new NDList(scaledWeight, k.getKey(), v.getKey()));
            NDArray bias = NDArrays.concat(new NDList(scaledBias, k.getValue(), v.getValue()));
            weight.attach(manager);
            bias.attach(manager);
            return new FusedQkv(weight, bias);
        }
    }

    /**
     * Projects (batch, seq, hidden) to scaled queries (batch, heads, seq, headSize), transposed keys
     * (batch, heads, headSize, seq) and values (batch, heads, seq, headSize).
     */
    NDList project(NDArray hidden, int heads, int headSize) {
        long batch = hidden.getShape().get(0);
        long seq = hidden.getShape().get(1);
        NDList qkv = Linear.linear(hidden, weight, bias)
                .singletonOrThrow()
                .reshape(batch, seq, 3, heads, headSize)
                .transpose(2, 0, 3, 1, 4)
                .split(3, 0);
        NDArray q = qkv.get(0).reshape(batch, heads, seq, headSize);
        NDArray kTransposed = qkv.get(1).reshape(batch, heads, seq, headSize).transpose(0, 1, 3, 2);
        NDArray v = qkv.get(2).reshape(batch, heads, seq, headSize);
        return new NDList(q, kTransposed, v);
    }

    private static Pair<NDArray, NDArray> weightAndBias(Linear linear) {
        return new Pair<>(
                linear.getParameters().get("weight").getArray(),
                linear.getParameters().get("bias").getArray());
    }
}
