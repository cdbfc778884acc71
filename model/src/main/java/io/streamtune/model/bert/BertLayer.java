package io.streamtune.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.Map;

/**
 * One HuggingFace {@code BertLayer} (post-LN): multi-head self-attention with an additive mask, dense +
 * dropout + residual + LayerNorm, then GELU (erf) feed-forward + dropout + residual + LayerNorm.
 *
 * <p>Input: hidden (batch, seq, hidden) and the additive mask (batch, 1, 1, seq), 0 where a key may be
 * attended and a huge negative number where it is padding. Output: hidden (batch, seq, hidden).
 * Heads are split with one reshape and one transpose, never a per-head loop.
 */
public final class BertLayer extends AbstractBlock {

    private final BertConfig config;
    private final float scale;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear attentionOutput;
    private final LayerNorm attentionNorm;
    private final Linear intermediate;
    private final Linear output;
    private final LayerNorm outputNorm;
    private volatile FusedQkv fused;

    BertLayer(BertConfig config) {
        this.config = config;
        this.scale = (float) (1.0 / Math.sqrt(config.headSize()));
        query = addChildBlock("query", dense(config.hiddenSize()));
        key = addChildBlock("key", dense(config.hiddenSize()));
        value = addChildBlock("value", dense(config.hiddenSize()));
        attentionOutput = addChildBlock("attention_output", dense(config.hiddenSize()));
        attentionNorm = addChildBlock("attention_LayerNorm", layerNorm(config));
        intermediate = addChildBlock("intermediate", dense(config.intermediateSize()));
        output = addChildBlock("output", dense(config.hiddenSize()));
        outputNorm = addChildBlock("output_LayerNorm", layerNorm(config));
    }

    /** Adds this layer's parameters under their HuggingFace names, each prefixed by {@code prefix}. */
    void collectParameters(String prefix, Map<String, Parameter> out) {
        collectLinear(prefix + "attention.self.query.", query, out);
        collectLinear(prefix + "attention.self.key.", key, out);
        collectLinear(prefix + "attention.self.value.", value, out);
        collectLinear(prefix + "attention.output.dense.", attentionOutput, out);
        collectLayerNorm(prefix + "attention.output.LayerNorm.", attentionNorm, out);
        collectLinear(prefix + "intermediate.dense.", intermediate, out);
        collectLinear(prefix + "output.dense.", output, out);
        collectLayerNorm(prefix + "output.LayerNorm.", outputNorm, out);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray hidden = inputs.get(0);
        NDArray context = selfAttention(store, hidden, inputs.get(1), training);
        NDArray attended = addAndNorm(store, attentionOutput, attentionNorm, context, hidden, training);
        NDArray expanded = Activation.gelu(apply(store, intermediate, attended, training));
        return new NDList(addAndNorm(store, output, outputNorm, expanded, attended, training));
    }

    /**
     * Precomputes one (3 * hidden, hidden) projection from the query (pre-scaled by 1/sqrt(headSize)), key
     * and value weights, used by inference forward passes from then on. Only for weights that will not
     * change again: training passes never use it, but updates would not reach it.
     */
    void fuseForInference(NDManager manager) {
        fused = FusedQkv.of(query, key, value, scale, manager);
    }

    private NDArray selfAttention(ParameterStore store, NDArray hidden, NDArray mask, boolean training) {
        Shape shape = hidden.getShape();
        long batch = shape.get(0);
        long seq = shape.get(1);
        FusedQkv qkv = fused;
        if (!training && qkv != null) {
            NDList heads = qkv.project(hidden, config.numAttentionHeads(), config.headSize());
            NDArray probabilities = heads.get(0).matMul(heads.get(1)).add(mask).softmax(-1);
            return mergeHeads(probabilities.matMul(heads.get(2)), batch, seq);
        }
        NDArray q = splitHeads(apply(store, query, hidden, training), batch, seq)
                .mul(ownedScalar(hidden.getManager(), scale));
        NDArray k = splitHeads(apply(store, key, hidden, training), batch, seq);
        NDArray v = splitHeads(apply(store, value, hidden, training), batch, seq);
        NDArray probabilities = q.matMul(k.transpose(0, 1, 3, 2)).add(mask).softmax(-1);
        probabilities = dropout(probabilities, config.attentionProbsDropoutProb(), training);
        return mergeHeads(probabilities.matMul(v), batch, seq);
    }

    /**
     * A 0-d float tensor whose memory PyTorch allocated and reference-counts, for a factor that autograd keeps.
     *
     * <p>Never {@code x.mul(float)} on a tensor that records gradients: DJL wraps the number in a tensor over a Java
     * direct buffer that only its Java object owns, and closes that object as soon as the multiplication returns.
     * Autograd still holds the tensor, since the gradient of {@code x * c} is {@code c}, and the backward pass reads
     * it there. If the garbage collector frees the buffer in between, the backward pass multiplies by whatever the
     * freed memory holds by then: nonsense query gradients, or NaN ones.
     */
    private static NDArray ownedScalar(NDManager manager, float value) {
        return manager.full(new Shape(), value);
    }

    /** (batch, heads, seq, headSize) to (batch, seq, hidden). */
    private NDArray mergeHeads(NDArray context, long batch, long seq) {
        return context.transpose(0, 2, 1, 3).reshape(batch, seq, config.hiddenSize());
    }

    /** (batch, seq, hidden) to (batch, heads, seq, headSize). */
    private NDArray splitHeads(NDArray x, long batch, long seq) {
        return x.reshape(batch, seq, config.numAttentionHeads(), config.headSize())
                .transpose(0, 2, 1, 3);
    }

    private NDArray addAndNorm(
            ParameterStore store, Linear dense, LayerNorm norm, NDArray x, NDArray residual, boolean training) {
        NDArray projected = dropout(apply(store, dense, x, training), config.hiddenDropoutProb(), training);
        return norm.forward(store, new NDList(projected.add(residual)), training)
                .singletonOrThrow();
    }

    private static NDArray apply(ParameterStore store, Block block, NDArray x, boolean training) {
        return block.forward(store, new NDList(x), training).singletonOrThrow();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape hidden = inputShapes[0];
        Shape wide = new Shape(hidden.get(0), hidden.get(1), config.intermediateSize());
        for (Block block : new Block[] {query, key, value, attentionOutput, attentionNorm, intermediate, outputNorm}) {
            block.initialize(manager, dataType, hidden);
        }
        output.initialize(manager, dataType, wide);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    /** Dropout in training; at inference the input itself, without a native call. */
    static NDArray dropout(NDArray x, double rate, boolean training) {
        return training && rate > 0 ? Dropout.dropout(x, (float) rate, true).singletonOrThrow() : x;
    }

    static Linear dense(long units) {
        Linear linear = Linear.builder().setUnits(units).build();
        linear.setInitializer(new NormalInitializer(BertEmbeddings.INIT_STD), Parameter.Type.WEIGHT);
        return linear;
    }

    static LayerNorm layerNorm(BertConfig config) {
        return LayerNorm.builder()
                .axis(2)
                .optEpsilon((float) config.layerNormEps())
                .build();
    }

    static void collectLinear(String prefix, Linear linear, Map<String, Parameter> out) {
        out.put(prefix + "weight", linear.getParameters().get("weight"));
        out.put(prefix + "bias", linear.getParameters().get("bias"));
    }

    static void collectLayerNorm(String prefix, LayerNorm norm, Map<String, Parameter> out) {
        out.put(prefix + "weight", norm.getParameters().get("gamma"));
        out.put(prefix + "bias", norm.getParameters().get("beta"));
    }
}
