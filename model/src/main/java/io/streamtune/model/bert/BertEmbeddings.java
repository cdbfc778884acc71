package io.streamtune.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.Map;

/**
 * HuggingFace {@code BertEmbeddings}: word + absolute position + token-type embeddings, LayerNorm over
 * the hidden axis, dropout. Input: token ids and token-type ids, both (batch, seq) int64. Output: (batch,
 * seq, hidden).
 */
public final class BertEmbeddings extends AbstractBlock {

    static final float INIT_STD = 0.02f;

    private final BertConfig config;
    private final Parameter words;
    private final Parameter positions;
    private final Parameter tokenTypes;
    private final LayerNorm layerNorm;

    BertEmbeddings(BertConfig config) {
        this.config = config;
        words = addParameter(embedding("word_embeddings"));
        positions = addParameter(embedding("position_embeddings"));
        tokenTypes = addParameter(embedding("token_type_embeddings"));
        layerNorm = addChildBlock("LayerNorm", BertLayer.layerNorm(config));
    }

    /** Adds this block's parameters under their HuggingFace names, each prefixed by {@code prefix}. */
    void collectParameters(String prefix, Map<String, Parameter> out) {
        out.put(prefix + "word_embeddings.weight", words);
        out.put(prefix + "position_embeddings.weight", positions);
        out.put(prefix + "token_type_embeddings.weight", tokenTypes);
        BertLayer.collectLayerNorm(prefix + "LayerNorm.", layerNorm, out);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray types = inputs.get(1);
        long seq = ids.getShape().get(1);
        NDArray wordTable = store.getValue(words, ids.getDevice(), training);
        NDArray typeTable = store.getValue(tokenTypes, ids.getDevice(), training);
        NDArray positionTable = store.getValue(positions, ids.getDevice(), training);
        NDArray firstPositions = positionTable.get("0:{}", seq);
        // the slice would otherwise belong to the parameter's manager and outlive the call
        firstPositions.attach(ids.getManager());
        NDArray sum = lookup(ids, wordTable).add(firstPositions).add(lookup(types, typeTable));
        NDArray normalised = layerNorm.forward(store, new NDList(sum), training).singletonOrThrow();
        return new NDList(BertLayer.dropout(normalised, config.hiddenDropoutProb(), training));
    }

    private static NDArray lookup(NDArray ids, NDArray table) {
        return ids.getNDArrayInternal()
                .embedding(ids, table, SparseFormat.DENSE)
                .singletonOrThrow();
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        setShapeIfAbsent(words, new Shape(config.vocabSize(), config.hiddenSize()));
        setShapeIfAbsent(positions, new Shape(config.maxPositionEmbeddings(), config.hiddenSize()));
        setShapeIfAbsent(tokenTypes, new Shape(config.typeVocabSize(), config.hiddenSize()));
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
        layerNorm.initialize(manager, dataType, hiddenShape(inputShapes[0]));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {hiddenShape(inputShapes[0])};
    }

    private Shape hiddenShape(Shape ids) {
        return new Shape(ids.get(0), ids.get(1), config.hiddenSize());
    }

    static void setShapeIfAbsent(Parameter parameter, Shape shape) {
        if (!parameter.isInitialized()) {
            parameter.setShape(shape);
        }
    }

    private static Parameter embedding(String name) {
        return Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer(INIT_STD))
                .build();
    }
}
