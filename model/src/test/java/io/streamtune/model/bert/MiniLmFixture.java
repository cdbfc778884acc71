package io.streamtune.model.bert;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDManager;
import io.streamtune.model.base.BuiltInBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The bundled MiniLM encoder (prepared for inference) and tokenizer, loaded once per test JVM, shared read-only. */
public final class MiniLmFixture {

    private static NDManager manager;
    private static BertEncoder encoder;
    private static HuggingFaceTokenizer tokenizer;

    private MiniLmFixture() {}

    public static synchronized BertEncoder encoder() {
        if (encoder == null) {
            manager = NDManager.newBaseManager();
            encoder = BuiltInBase.ALL_MINILM_L6_V2.loadEncoder(manager);
            encoder.prepareForInference(manager);
        }
        return encoder;
    }

    public static synchronized HuggingFaceTokenizer tokenizer() {
        if (tokenizer == null) {
            try (InputStream in = BuiltInBase.ALL_MINILM_L6_V2.openTokenizer()) {
                tokenizer = HuggingFaceTokenizer.newInstance(
                        in, Map.of("padding", "true", "truncation", "true", "maxLength", "512"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tokenizer;
    }

    /** Tokenises texts padded to the longest: ids and mask (batch, seq) row-major. */
    public static Batch encode(List<String> texts) {
        Encoding[] encodings = tokenizer().batchEncode(texts);
        int seq = encodings[0].getIds().length;
        long[] ids = new long[texts.size() * seq];
        long[] mask = new long[texts.size() * seq];
        for (int i = 0; i < encodings.length; i++) {
            System.arraycopy(encodings[i].getIds(), 0, ids, i * seq, seq);
            System.arraycopy(encodings[i].getAttentionMask(), 0, mask, i * seq, seq);
        }
        return new Batch(ids, mask, texts.size(), seq);
    }

    /** A padded batch of token ids and attention mask, row-major (batch, seq). */
    public record Batch(long[] ids, long[] mask, int batch, int seq) {}
}
