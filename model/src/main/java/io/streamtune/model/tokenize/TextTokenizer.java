package io.streamtune.model.tokenize;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * BERT tokenisation with a HuggingFace {@code tokenizer.json}, producing batches padded to their
 * longest text.
 *
 * <p><b>Long texts: head + tail.</b> A text with more word pieces than {@code maxLength - 2} keeps
 * its first {@link TokenizerConfig#headLength()} and its last {@link TokenizerConfig#tailLength()}
 * word pieces between {@code [CLS]} and {@code [SEP]}, and is flagged {@link
 * TokenizedText#truncated()}. Plain right truncation loses the end of a text, where reviews and
 * support requests tend to state their verdict or their ask; the opening states the topic. Keeping
 * both beat head-only and tail-only truncation for BERT on long-review classification (Sun et al.,
 * 2019), and it costs nothing at inference time. The padding and truncation settings inside the
 * {@code tokenizer.json} are ignored: this class does both.
 *
 * <p>Thread safety: the native HuggingFace tokenizer may be called from several threads; instances
 * hold no other mutable state. Close the instance to free the native tokenizer.
 */
public final class TextTokenizer implements AutoCloseable {

    private static final Map<String, String> RAW_OPTIONS =
            Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false");

    private final HuggingFaceTokenizer tokenizer;
    private final TokenizerConfig config;
    private final String json;
    private final long padId;
    private final long clsId;
    private final long sepId;
    private final long typeId;

    private TextTokenizer(String json, TokenizerConfig config) throws IOException {
        this.json = json;
        this.config = config;
        this.padId = readPadId(json);
        InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
        this.tokenizer = HuggingFaceTokenizer.newInstance(in, RAW_OPTIONS);
        Encoding specials = tokenizer.encode("", true, false);
        long[] ids = specials.getIds();
        if (ids.length != TokenizerConfig.SPECIAL_TOKENS) {
            tokenizer.close();
            throw new IllegalArgumentException("expected a [CLS] text [SEP] template (two special tokens around a"
                    + " single text), got " + Arrays.toString(specials.getTokens()));
        }
        this.clsId = ids[0];
        this.sepId = ids[1];
        this.typeId = specials.getTypeIds()[0];
    }

    /**
     * Loads a {@code tokenizer.json} file.
     *
     * @param tokenizerJson the file, or a folder holding {@code tokenizer.json}
     * @param config the maximum length and truncation settings
     * @return the tokenizer
     * @throws IOException if the file cannot be read or parsed
     */
    public static TextTokenizer fromFile(Path tokenizerJson, TokenizerConfig config) throws IOException {
        Path file = Files.isDirectory(tokenizerJson) ? tokenizerJson.resolve("tokenizer.json") : tokenizerJson;
        return new TextTokenizer(Files.readString(file, StandardCharsets.UTF_8), config);
    }

    /**
     * Reads a {@code tokenizer.json} from a stream, e.g. a built-in base's classpath resource.
     *
     * @param tokenizerJson the JSON; not closed
     * @param config the maximum length and truncation settings
     * @return the tokenizer
     * @throws IOException if the stream cannot be read or parsed
     */
    public static TextTokenizer fromStream(InputStream tokenizerJson, TokenizerConfig config) throws IOException {
        return new TextTokenizer(new String(tokenizerJson.readAllBytes(), StandardCharsets.UTF_8), config);
    }

    /**
     * The settings.
     *
     * @return the maximum length and truncation settings
     */
    public TokenizerConfig config() {
        return config;
    }

    /**
     * The id that fills padded positions.
     *
     * @return the padding id of the tokenizer.json, 0 when it names none
     */
    public long padId() {
        return padId;
    }

    /**
     * Writes the {@code tokenizer.json} this instance was loaded from, for a model artifact.
     *
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public void writeTokenizerJson(OutputStream out) throws IOException {
        out.write(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Tokenizes one text.
     *
     * @param text the text
     * @return its ids with special tokens, head + tail truncated to the maximum length
     */
    public TokenizedText encode(String text) {
        return assemble(tokenizer.encode(text, false, false).getIds());
    }

    /**
     * Tokenizes texts, in order.
     *
     * @param texts the texts
     * @return one tokenized text per input
     */
    public List<TokenizedText> encodeAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        Encoding[] encodings = tokenizer.batchEncode(texts, false, false);
        List<TokenizedText> result = new ArrayList<>(encodings.length);
        for (Encoding encoding : encodings) {
            result.add(assemble(encoding.getIds()));
        }
        return result;
    }

    /**
     * Tokenizes texts into windows ({@link TokenizerConfig}): a text that fits is one window; a longer one is
     * cut into overlapping windows of the maximum length, at most {@link TokenizerConfig#maxWindows()}, or head
     * + tail truncated when that cap is 1.
     *
     * @param texts the texts
     * @return the windows of every text, in input order
     */
    public TextWindows windows(List<String> texts) {
        if (texts.isEmpty()) {
            return TextWindows.of(List.of(), new boolean[0]);
        }
        Encoding[] encodings = tokenizer.batchEncode(texts, false, false);
        List<List<TokenizedText>> perText = new ArrayList<>(encodings.length);
        boolean[] truncated = new boolean[encodings.length];
        for (int i = 0; i < encodings.length; i++) {
            long[] pieces = encodings[i].getIds();
            if (config.maxWindows() == 1 || pieces.length <= config.maxLength() - TokenizerConfig.SPECIAL_TOKENS) {
                TokenizedText whole = assemble(pieces);
                perText.add(List.of(whole));
                truncated[i] = whole.truncated();
            } else {
                int[] starts = windowStarts(pieces.length);
                perText.add(cut(pieces, starts));
                truncated[i] = dropsPieces(starts);
            }
        }
        return TextWindows.of(perText, truncated);
    }

    /** The start of every window of a text of {@code pieces} word pieces, the cap applied. */
    int[] windowStarts(int pieces) {
        int budget = config.maxLength() - TokenizerConfig.SPECIAL_TOKENS;
        int needed = windowsNeeded(pieces);
        int count = Math.min(needed, config.maxWindows());
        int[] starts = new int[count];
        for (int w = 0; w < count - 1; w++) {
            starts[w] = w * config.windowStride();
        }
        starts[count - 1] = Math.max(0, pieces - budget);
        return starts;
    }

    /** Whether the capped windows leave a gap before the last one. */
    private boolean dropsPieces(int[] starts) {
        int budget = config.maxLength() - TokenizerConfig.SPECIAL_TOKENS;
        return starts.length >= 2 && starts[starts.length - 2] + budget < starts[starts.length - 1];
    }

    private int windowsNeeded(int pieces) {
        int budget = config.maxLength() - TokenizerConfig.SPECIAL_TOKENS;
        if (pieces <= budget) {
            return 1;
        }
        int stride = config.windowStride();
        return 1 + (pieces - budget + stride - 1) / stride;
    }

    private List<TokenizedText> cut(long[] pieces, int[] starts) {
        int budget = config.maxLength() - TokenizerConfig.SPECIAL_TOKENS;
        List<TokenizedText> windows = new ArrayList<>(starts.length);
        for (int start : starts) {
            int end = Math.min(pieces.length, start + budget);
            long[] ids = new long[end - start + TokenizerConfig.SPECIAL_TOKENS];
            ids[0] = clsId;
            System.arraycopy(pieces, start, ids, 1, end - start);
            ids[ids.length - 1] = sepId;
            long[] types = new long[ids.length];
            Arrays.fill(types, typeId);
            windows.add(new TokenizedText(ids, types, false, ids.length));
        }
        return windows;
    }

    /**
     * Tokenizes texts into one batch in input order, padded to the longest of them.
     *
     * @param texts at least one text
     * @return the batch, row {@code i} holding text {@code i}
     */
    public TokenBatch batch(List<String> texts) {
        return TokenBatch.pack(
                encodeAll(texts), IntStream.range(0, texts.size()).toArray(), padId);
    }

    /**
     * Tokenizes texts and groups them by length into batches.
     *
     * @param texts the texts
     * @param batchSize the most texts per batch
     * @return the plan, which maps results back to input order
     */
    public BatchPlan plan(List<String> texts, int batchSize) {
        return BatchPlan.byLength(encodeAll(texts), batchSize, padId);
    }

    private TokenizedText assemble(long[] pieces) {
        int budget = config.maxLength() - TokenizerConfig.SPECIAL_TOKENS;
        boolean truncated = pieces.length > budget;
        int kept = truncated ? budget : pieces.length;
        long[] ids = new long[kept + TokenizerConfig.SPECIAL_TOKENS];
        ids[0] = clsId;
        if (truncated) {
            int head = config.headLength();
            int tail = config.tailLength();
            System.arraycopy(pieces, 0, ids, 1, head);
            System.arraycopy(pieces, pieces.length - tail, ids, 1 + head, tail);
        } else {
            System.arraycopy(pieces, 0, ids, 1, kept);
        }
        ids[ids.length - 1] = sepId;
        long[] types = new long[ids.length];
        Arrays.fill(types, typeId);
        return new TokenizedText(ids, types, truncated, pieces.length + TokenizerConfig.SPECIAL_TOKENS);
    }

    private static long readPadId(String json) throws IOException {
        JsonNode padding = new ObjectMapper().readTree(json).path("padding");
        return padding.path("pad_id").asLong(0L);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
