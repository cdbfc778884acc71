package io.streamtune.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.streamtune.model.onnx.OnnxGraph;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds encoders and classifiers with their weights: from a HuggingFace checkpoint folder, from a BERT
 * ONNX export (the built-in bases of {@code io.streamtune.model.base} are ONNX exports); and saves classifiers as safetensors. Arrays are
 * attached to the given {@link NDManager}, which owns them from then on.
 */
public final class BertCheckpoints {

    /** The HuggingFace file names of a checkpoint folder. */
    public static final String CONFIG_FILE = "config.json";

    public static final String WEIGHTS_FILE = "model.safetensors";

    private static final long INIT_BATCH = 1;
    private static final long INIT_SEQ = 8;

    private BertCheckpoints() {}

    /** Loads a HuggingFace BERT folder ({@code config.json} + {@code model.safetensors}) as an encoder. */
    public static BertEncoder loadEncoder(Path folder, NDManager manager) throws IOException {
        BertConfig config = BertConfig.read(folder.resolve(CONFIG_FILE));
        Path weights = folder.resolve(WEIGHTS_FILE);
        BertEncoder encoder = new BertEncoder(config);
        BertWeights.assign(
                encoder.namedParameters(), BertWeights.readSafetensors(weights, manager), weights.toString());
        encoder.initialize(manager, INIT_BATCH, INIT_SEQ);
        return encoder;
    }

    /**
     * Loads the encoder of a BERT ONNX export; its configuration is synthesised from the weight shapes.
     *
     * @param numAttentionHeads the head count, which the weights do not reveal
     */
    public static BertEncoder fromOnnx(OnnxGraph graph, int numAttentionHeads, String source, NDManager manager) {
        Map<String, NDArray> weights = BertWeights.fromOnnx(graph, manager);
        BertConfig config = BertConfig.fromWeightShapes(BertWeights.shapes(weights), numAttentionHeads);
        BertEncoder encoder = new BertEncoder(config);
        BertWeights.assign(encoder.namedParameters(), weights, source);
        encoder.initialize(manager, INIT_BATCH, INIT_SEQ);
        return encoder;
    }

    /** A classifier for {@code numLabels} labels on a loaded encoder, with a freshly initialised head. */
    public static BertSequenceClassifier newClassifier(
            BertEncoder encoder, int numLabels, Pooling pooling, NDManager manager) {
        BertSequenceClassifier classifier = new BertSequenceClassifier(encoder, numLabels, pooling);
        classifier.initialize(manager, INIT_BATCH, INIT_SEQ);
        return classifier;
    }

    /**
     * Loads a classifier saved by {@link #saveClassifier} (or a HuggingFace {@code
     * BertForSequenceClassification} safetensors file), refusing any missing tensor.
     */
    public static BertSequenceClassifier loadClassifier(
            Path safetensors, BertConfig config, int numLabels, Pooling pooling, NDManager manager) throws IOException {
        BertSequenceClassifier classifier = new BertSequenceClassifier(new BertEncoder(config), numLabels, pooling);
        Map<String, NDArray> weights = BertWeights.readSafetensors(safetensors, manager);
        BertWeights.assign(classifier.namedParameters(), weights, safetensors.toString());
        classifier.initialize(manager, INIT_BATCH, INIT_SEQ);
        return classifier;
    }

    /** Writes every parameter of the classifier, by HuggingFace name, as safetensors. */
    public static void saveClassifier(BertSequenceClassifier classifier, Path safetensors) throws IOException {
        try (OutputStream out = Files.newOutputStream(safetensors)) {
            BertWeights.writeSafetensors(classifier.namedParameters(), out);
        }
    }

    /** Freezes every parameter: for inference-only models, so no autograd graph is ever recorded. */
    public static void freeze(Map<String, Parameter> parameters) {
        parameters.values().forEach(parameter -> parameter.freeze(true));
    }
}
