package io.streamtune.model.bert;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.streamtune.model.base.BuiltInBase;
import io.streamtune.model.bench.OnnxRuntimeEncoder;
import io.streamtune.model.tokenize.TextTokenizer;
import io.streamtune.model.tokenize.TokenBatch;
import io.streamtune.model.tokenize.TokenizerConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every built-in base, built as this DJL encoder, against ONNX Runtime running the base's own ONNX export. */
class BertEncoderParityTest {

    private static final double TOLERANCE = 1e-4;
    private static final int HIDDEN = 384;

    @ParameterizedTest
    @EnumSource(BuiltInBase.class)
    void shouldMatchOnnxRuntimeOnPaddedBatchOfRealSentences(BuiltInBase base) throws Exception {
        List<String> texts = mixedLengthSentences();
        Batch batch = tokenize(base, texts);
        float[] expected;
        try (OnnxRuntimeEncoder reference = OnnxRuntimeEncoder.of(base, 2, true)) {
            expected = reference.lastHiddenState(batch.ids(), batch.mask(), batch.batch(), batch.seq());
        }

        try (NDManager weights = NDManager.newBaseManager()) {
            BertEncoder encoder = base.loadEncoder(weights);
            float[] plain = djlLastHiddenState(encoder, batch);
            encoder.prepareForInference(weights);
            float[] fused = djlLastHiddenState(encoder, batch);

            assertThat(encoder.config().numHiddenLayers()).isEqualTo(base.layers());
            assertThat(plain).hasSize(batch.batch() * batch.seq() * HIDDEN);
            double plainDiff = maxAbsDiffAtTokens(expected, plain, batch.mask());
            double fusedDiff = maxAbsDiffAtTokens(expected, fused, batch.mask());
            System.out.printf(
                    "Parity of %s with ONNX Runtime: %d sentences padded to %d tokens, max |diff| = %.3g (training"
                            + " path), %.3g (fused inference path)%n",
                    base.displayName(), texts.size(), batch.seq(), plainDiff, fusedDiff);
            assertThat(plainDiff).isLessThan(TOLERANCE);
            assertThat(fusedDiff).isLessThan(TOLERANCE);
        }
    }

    /** The base's own tokenizer (through {@link TextTokenizer}), padded to the longest text. */
    private static Batch tokenize(BuiltInBase base, List<String> texts) throws Exception {
        try (TextTokenizer tokenizer = base.loadTokenizer(TokenizerConfig.ofMaxLength(512))) {
            TokenBatch tokens = tokenizer.batch(texts);
            int seq = tokens.sequenceLength();
            long[] ids = new long[texts.size() * seq];
            long[] mask = new long[texts.size() * seq];
            for (int row = 0; row < texts.size(); row++) {
                System.arraycopy(tokens.inputIds()[row], 0, ids, row * seq, seq);
                System.arraycopy(tokens.attentionMask()[row], 0, mask, row * seq, seq);
            }
            return new Batch(ids, mask, texts.size(), seq);
        }
    }

    private static float[] djlLastHiddenState(BertEncoder encoder, Batch batch) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape shape = new Shape(batch.batch(), batch.seq());
            NDList inputs = new NDList(manager.create(batch.ids(), shape), manager.create(batch.mask(), shape));
            NDArray hidden = encoder.forward(new ParameterStore(manager, false), inputs, false)
                    .singletonOrThrow();
            assertThat(hidden.getShape().getShape()).containsExactly(batch.batch(), batch.seq(), HIDDEN);
            return hidden.toFloatArray();
        }
    }

    private static double maxAbsDiffAtTokens(float[] expected, float[] actual, long[] mask) {
        double max = 0;
        for (int token = 0; token < mask.length; token++) {
            if (mask[token] == 0) {
                continue;
            }
            for (int h = 0; h < HIDDEN; h++) {
                int i = token * HIDDEN + h;
                max = Math.max(max, Math.abs(expected[i] - actual[i]));
            }
        }
        return max;
    }

    /** The shortest and the longest texts of the data set and eight from the stream, in that order. */
    private static List<String> mixedLengthSentences() {
        List<String> all = SentimentSentences.load().texts();
        List<String> picked = new ArrayList<>();
        picked.add(all.stream().min(Comparator.comparingInt(String::length)).orElseThrow());
        picked.add(all.stream().max(Comparator.comparingInt(String::length)).orElseThrow());
        picked.addAll(all.subList(0, 8));
        return picked;
    }

    private record Batch(long[] ids, long[] mask, int batch, int seq) {}
}
