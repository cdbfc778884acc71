package io.streamtune.model.bert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hyper-parameters of a HuggingFace BERT ({@code config.json}), limited to what the encoder needs.
 *
 * @param vocabSize rows of the word embedding
 * @param hiddenSize the model width
 * @param numHiddenLayers the number of transformer layers
 * @param numAttentionHeads heads per layer; divides {@code hiddenSize}
 * @param intermediateSize the width of the feed-forward layer
 * @param maxPositionEmbeddings the longest sequence the position embedding covers
 * @param typeVocabSize rows of the token-type embedding
 * @param layerNormEps the LayerNorm epsilon (1e-12 for BERT)
 * @param hiddenDropoutProb dropout after embeddings and dense layers, in training
 * @param attentionProbsDropoutProb dropout on attention probabilities, in training
 */
public record BertConfig(
        int vocabSize,
        int hiddenSize,
        int numHiddenLayers,
        int numAttentionHeads,
        int intermediateSize,
        int maxPositionEmbeddings,
        int typeVocabSize,
        double layerNormEps,
        double hiddenDropoutProb,
        double attentionProbsDropoutProb) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LAYER = Pattern.compile("(?:bert\\.)?encoder\\.layer\\.(\\d+)\\..*");
    private static final double DEFAULT_EPS = 1e-12;
    private static final double DEFAULT_DROPOUT = 0.1;

    public BertConfig {
        positive("vocab_size", vocabSize);
        positive("hidden_size", hiddenSize);
        positive("num_hidden_layers", numHiddenLayers);
        positive("num_attention_heads", numAttentionHeads);
        positive("intermediate_size", intermediateSize);
        positive("max_position_embeddings", maxPositionEmbeddings);
        positive("type_vocab_size", typeVocabSize);
        if (hiddenSize % numAttentionHeads != 0) {
            throw new IllegalArgumentException(
                    "hidden_size " + hiddenSize + " is not a multiple of num_attention_heads " + numAttentionHeads);
        }
    }

    /** The width of one attention head. */
    public int headSize() {
        return hiddenSize / numAttentionHeads;
    }

    /** Reads a HuggingFace {@code config.json}, refusing anything that is not a plain BERT. */
    public static BertConfig read(Path configJson) throws IOException {
        return fromJson(JSON.readTree(configJson.toFile()), configJson.toString());
    }

    static BertConfig fromJson(JsonNode json, String source) {
        BertConfigChecks.requireSupported(json, source);
        return new BertConfig(
                required(json, "vocab_size", source),
                required(json, "hidden_size", source),
                required(json, "num_hidden_layers", source),
                required(json, "num_attention_heads", source),
                required(json, "intermediate_size", source),
                required(json, "max_position_embeddings", source),
                json.path("type_vocab_size").asInt(2),
                json.path("layer_norm_eps").asDouble(DEFAULT_EPS),
                json.path("hidden_dropout_prob").asDouble(DEFAULT_DROPOUT),
                json.path("attention_probs_dropout_prob").asDouble(DEFAULT_DROPOUT));
    }

    /**
     * Synthesises the configuration of a checkpoint that has no {@code config.json} (an ONNX export) from
     * the shapes of its HuggingFace-named weights; the head count is the one thing shapes do not tell.
     */
    public static BertConfig fromWeightShapes(Map<String, long[]> shapes, int numAttentionHeads) {
        long[] words = requiredShape(shapes, "embeddings.word_embeddings.weight");
        long[] positions = requiredShape(shapes, "embeddings.position_embeddings.weight");
        long[] types = requiredShape(shapes, "embeddings.token_type_embeddings.weight");
        long[] intermediate = requiredShape(shapes, "encoder.layer.0.intermediate.dense.weight");
        int layers = 0;
        for (String name : shapes.keySet()) {
            Matcher m = LAYER.matcher(name);
            if (m.matches()) {
                layers = Math.max(layers, Integer.parseInt(m.group(1)) + 1);
            }
        }
        return new BertConfig(
                (int) words[0],
                (int) words[1],
                layers,
                numAttentionHeads,
                (int) intermediate[0],
                (int) positions[0],
                (int) types[0],
                DEFAULT_EPS,
                DEFAULT_DROPOUT,
                DEFAULT_DROPOUT);
    }

    /** Writes this configuration as a HuggingFace {@code config.json} of a {@code BertModel}. */
    public ObjectNode toJson() {
        ObjectNode json = JSON.createObjectNode();
        json.put("model_type", "bert");
        json.putArray("architectures").add("BertModel");
        json.put("vocab_size", vocabSize);
        json.put("hidden_size", hiddenSize);
        json.put("num_hidden_layers", numHiddenLayers);
        json.put("num_attention_heads", numAttentionHeads);
        json.put("intermediate_size", intermediateSize);
        json.put("hidden_act", "gelu");
        json.put("max_position_embeddings", maxPositionEmbeddings);
        json.put("type_vocab_size", typeVocabSize);
        json.put("layer_norm_eps", layerNormEps);
        json.put("hidden_dropout_prob", hiddenDropoutProb);
        json.put("attention_probs_dropout_prob", attentionProbsDropoutProb);
        json.put("position_embedding_type", "absolute");
        json.put("pad_token_id", 0);
        return json;
    }

    /**
     * Writes this configuration as the {@code config.json} of a HuggingFace {@code
     * BertForSequenceClassification} with the given labels, in class-index order.
     */
    public ObjectNode toJson(List<String> labels) {
        ObjectNode json = toJson();
        json.putArray("architectures").add("BertForSequenceClassification");
        ObjectNode id2label = json.putObject("id2label");
        ObjectNode label2id = json.putObject("label2id");
        for (int i = 0; i < labels.size(); i++) {
            id2label.put(Integer.toString(i), labels.get(i));
            label2id.put(labels.get(i), i);
        }
        return json;
    }

    private static int required(JsonNode json, String key, String source) {
        JsonNode value = json.get(key);
        if (value == null || !value.canConvertToInt()) {
            throw new IllegalArgumentException(source + ": missing or non-integer '" + key + "'");
        }
        return value.asInt();
    }

    private static long[] requiredShape(Map<String, long[]> shapes, String name) {
        long[] shape = shapes.get(name);
        if (shape == null) {
            throw new IllegalArgumentException("Missing tensor '" + name + "': cannot infer the BERT configuration");
        }
        return shape;
    }

    private static void positive(String key, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
    }
}
