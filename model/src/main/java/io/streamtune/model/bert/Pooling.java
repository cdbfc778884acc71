package io.streamtune.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** How a sequence of hidden states becomes one vector per text. */
public enum Pooling {
    /** The hidden state of the first token ({@code [CLS]}). */
    CLS {
        @Override
        public NDArray pool(NDArray hidden, NDArray attentionMask) {
            return hidden.get(":, 0, :");
        }
    },
    /** The mean of the hidden states of the real tokens (attention mask 1), padding excluded. */
    MEAN {
        @Override
        public NDArray pool(NDArray hidden, NDArray attentionMask) {
            NDArray weights = attentionMask.toType(DataType.FLOAT32, false).expandDims(2);
            NDArray counts = weights.sum(new int[] {1}).maximum(1e-9f);
            return hidden.mul(weights).sum(new int[] {1}).div(counts);
        }
    };

    /**
     * Pools (batch, seq, hidden) states into (batch, hidden).
     *
     * @param hidden the encoder's last hidden state
     * @param attentionMask (batch, seq), 1 for tokens and 0 for padding
     * @return (batch, hidden)
     */
    public abstract NDArray pool(NDArray hidden, NDArray attentionMask);
}
