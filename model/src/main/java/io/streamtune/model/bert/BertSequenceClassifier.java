package io.streamtune.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link BertEncoder} with a sequence-classification head: pooling ({@link Pooling}), dropout, and a
 * linear layer {@code classifier.weight} (labels, hidden) / {@code classifier.bias} (labels).
 *
 * <h2>For fine-tuning</h2>
 *
 * <ul>
 *   <li><b>Build for N labels from the base</b>: {@code BertCheckpoints.newClassifier(BuiltInBase.ALL_MINILM_L6_V2.loadEncoder(manager),
 *       n, Pooling.MEAN, manager)}; the encoder keeps its pretrained weights, the head is drawn from
 *       N(0, 0.02) with zero bias (HuggingFace's initialisation), seeded by {@code Engine.setRandomSeed}.
 *       From a previous version: {@link BertCheckpoints#loadClassifier}.
 *   <li><b>Forward</b>: input {@link NDList} {@code (input_ids, attention_mask[, token_type_ids])}, each
 *       (batch, seq); output {@code (logits)} (batch, labels). With {@code training = true} dropout is
 *       active (rates from {@link BertConfig}); run it inside a DJL {@code GradientCollector} or a
 *       {@code Trainer} (the block is a regular DJL {@code Block}: {@code model.setBlock(classifier)}).
 *       {@link #scores(NDArray)} turns logits into softmax probabilities.
 *   <li><b>Parameters by HuggingFace name</b>: {@link #namedParameters()} ({@code bert.embeddings...},
 *       {@code bert.encoder.layer.N...}, {@code classifier.weight}, {@code classifier.bias}); freeze or
 *       set per-group learning rates through these {@link Parameter}s.
 *   <li><b>Save</b>: {@link BertCheckpoints#saveClassifier} writes {@code model.safetensors} with those
 *       names (loadable by Python {@code transformers}' {@code BertForSequenceClassification}, whose
 *       pooler is then freshly initialised: it is not used here); {@link BertConfig#toJson(java.util.List)}
 *       writes the matching {@code config.json}.
 * </ul>
 */
public final class BertSequenceClassifier extends AbstractBlock {

    private final BertEncoder encoder;
    private final Pooling pooling;
    private final int numLabels;
    private final Linear classifier;

    public BertSequenceClassifier(BertEncoder encoder, int numLabels, Pooling pooling) {
        if (numLabels < 1) {
            throw new IllegalArgumentException("A classifier needs at least one label, got " + numLabels);
        }
        this.encoder = addChildBlock("bert", encoder);
        this.pooling = pooling;
        this.numLabels = numLabels;
        this.classifier = addChildBlock("classifier", BertLayer.dense(numLabels));
    }

    public BertEncoder encoder() {
        return encoder;
    }

    public BertConfig config() {
        return encoder.config();
    }

    public Pooling pooling() {
        return pooling;
    }

    public int numLabels() {
        return numLabels;
    }

    /** Every parameter under its HuggingFace {@code BertForSequenceClassification} name. */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> named = new LinkedHashMap<>();
        encoder.namedParameters().forEach((name, parameter) -> named.put(BertWeights.BERT_PREFIX + name, parameter));
        BertLayer.collectLinear("classifier.", classifier, named);
        return Collections.unmodifiableMap(named);
    }

    /**
     * Makes this classifier an immutable inference model: every parameter frozen, the encoder's
     * query/key/value projections fused ({@link BertEncoder#prepareForInference}). Not for training.
     */
    public void prepareForInference(NDManager manager) {
        encoder.prepareForInference(manager);
        BertCheckpoints.freeze(namedParameters());
    }

    /**
     * The HuggingFace {@code config.json} of this classifier: {@code BertForSequenceClassification} with
     * the labels in output order, plus the {@code pooling} key that {@link Pooling#fromConfig} reads.
     */
    public ObjectNode hfConfig(List<String> labels) {
        if (labels.size() != numLabels) {
            throw new IllegalArgumentException(labels.size() + " labels for " + numLabels + " outputs");
        }
        ObjectNode json = config().toJson(labels);
        json.put(Pooling.CONFIG_KEY, pooling.configName());
        return json;
    }

    /** Initialises shapes (and any parameter not yet loaded, e.g. a new head) for the given input size. */
    public void initialize(NDManager manager, long batch, long seq) {
        Shape tokens = new Shape(batch, seq);
        initialize(manager, DataType.FLOAT32, tokens, tokens, tokens);
    }

    /** Softmax over the label axis: (batch, labels) logits to probabilities that sum to 1 per row. */
    public static NDArray scores(NDArray logits) {
        return logits.softmax(-1);
    }

    /**
     * The pooled encoder output the head reads, without dropout: (batch, hidden) features of a token batch.
     *
     * @param store the parameter store
     * @param inputs {@code (input_ids, attention_mask[, token_type_ids])}
     * @return the pooled features
     */
    public NDArray pooledFeatures(ParameterStore store, NDList inputs) {
        NDArray hidden = encoder.forward(store, inputs, false).singletonOrThrow();
        return pooling.pool(hidden, inputs.get(1));
    }

    /**
     * The logits and the pooled features they were computed from, in one encoder pass and without dropout: the head
     * is linear on the features, so a caller that needs both (classification plus a similarity embedding) pays for
     * one forward pass.
     *
     * @param store the parameter store
     * @param inputs {@code (input_ids, attention_mask[, token_type_ids])}
     * @return {@code (logits (batch, labels), features (batch, hidden))}
     */
    public NDList logitsAndFeatures(ParameterStore store, NDList inputs) {
        NDArray pooled = pooledFeatures(store, inputs);
        NDArray logits = classifier.forward(store, new NDList(pooled), false).singletonOrThrow();
        return new NDList(logits, pooled);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray hidden = encoder.forward(store, inputs, training).singletonOrThrow();
        NDArray pooled = pooling.pool(hidden, inputs.get(1));
        NDArray dropped = BertLayer.dropout(pooled, config().hiddenDropoutProb(), training);
        return classifier.forward(store, new NDList(dropped), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes);
        classifier.initialize(manager, dataType, new Shape(inputShapes[0].get(0), config().hiddenSize()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), numLabels)};
    }
}
