package io.streamtune.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HuggingFace {@code BertModel} without the pooler: embeddings and a stack of {@link BertLayer}s.
 *
 * <p>Input {@link NDList}: {@code input_ids} (batch, seq) int64, {@code attention_mask} (batch, seq)
 * (1 = token, 0 = padding; any numeric type), optionally {@code token_type_ids} (batch, seq) int64
 * (zeros when absent). Output: {@code last_hidden_state} (batch, seq, hidden) float32.
 *
 * <p>Parameters are reachable by their HuggingFace names through {@link #namedParameters()}, e.g.
 * {@code encoder.layer.0.attention.self.query.weight}.
 */
public final class BertEncoder extends AbstractBlock {

    /** What HuggingFace adds to masked attention scores: {@code torch.finfo(float32).min}. */
    static final float MASKED = -Float.MAX_VALUE;

    private final BertConfig config;
    private final BertEmbeddings embeddings;
    private final List<BertLayer> layers = new ArrayList<>();

    public BertEncoder(BertConfig config) {
        this.config = config;
        embeddings = addChildBlock("embeddings", new BertEmbeddings(config));
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            layers.add(addChildBlock("layer" + i, new BertLayer(config)));
        }
    }

    public BertConfig config() {
        return config;
    }

    /** Every parameter under its HuggingFace {@code BertModel} name, in checkpoint order. */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> named = new LinkedHashMap<>();
        embeddings.collectParameters("embeddings.", named);
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).collectParameters("encoder.layer." + i + ".", named);
        }
        return Collections.unmodifiableMap(named);
    }

    /**
     * Makes this encoder an immutable inference model: freezes every parameter (no autograd graph is
     * recorded, whatever the thread's grad mode) and fuses each layer's query/key/value projections.
     * Training it afterwards is not supported.
     *
     * @param manager owns the fused copies; keep it open as long as the encoder
     */
    public void prepareForInference(NDManager manager) {
        namedParameters().values().forEach(parameter -> parameter.freeze(true));
        layers.forEach(layer -> layer.fuseForInference(manager));
    }

    /** Initialises shapes (and any parameter not yet loaded) for inputs of the given batch and length. */
    public void initialize(NDManager manager, long batch, long seq) {
        Shape tokens = new Shape(batch, seq);
        initialize(manager, DataType.FLOAT32, tokens, tokens, tokens);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray mask = inputs.get(1);
        NDArray types = inputs.size() > 2 ? inputs.get(2) : ids.zerosLike();
        NDArray hidden =
                embeddings.forward(store, new NDList(ids, types), training).singletonOrThrow();
        NDArray additiveMask = additiveMask(mask);
        for (BertLayer layer : layers) {
            hidden = layer.forward(store, new NDList(hidden, additiveMask), training)
                    .singletonOrThrow();
        }
        return new NDList(hidden);
    }

    /** (batch, seq) 1/0 to (batch, 1, 1, seq) additive: 0 where attended, {@link #MASKED} where padding. */
    static NDArray additiveMask(NDArray mask) {
        Shape shape = mask.getShape();
        return mask.toType(DataType.FLOAT32, false).neg().add(1f).mul(MASKED).reshape(shape.get(0), 1, 1, shape.get(1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape tokens = inputShapes[0];
        embeddings.initialize(manager, dataType, tokens, tokens);
        Shape hidden = new Shape(tokens.get(0), tokens.get(1), config.hiddenSize());
        Shape mask = new Shape(tokens.get(0), 1, 1, tokens.get(1));
        for (BertLayer layer : layers) {
            layer.initialize(manager, dataType, hidden, mask);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape tokens = inputShapes[0];
        return new Shape[] {new Shape(tokens.get(0), tokens.get(1), config.hiddenSize())};
    }
}
