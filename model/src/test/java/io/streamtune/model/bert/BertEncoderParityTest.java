package io.streamtune.model.bert;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.streamtune.model.bench.OnnxRuntimeEncoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class BertEncoderParityTest {

    private static final double TOLERANCE = 1e-4;

    @Test
    void shouldMatchOnnxRuntimeOnPaddedBatchOfRealSentences() throws Exception {
        List<String> texts = mixedLengthSentences();
        MiniLmFixture.Batch batch = MiniLmFixture.encode(texts);
        float[] expected;
        try (OnnxRuntimeEncoder reference = OnnxRuntimeEncoder.miniLm(2, true)) {
            expected = reference.lastHiddenState(batch.ids(), batch.mask(), batch.batch(), batch.seq());
        }

        try (NDManager weights = NDManager.newBaseManager()) {
            BertEncoder encoder = BertCheckpoints.miniLm(weights);
            float[] plain = djlLastHiddenState(encoder, batch);
            encoder.prepareForInference(weights);
            float[] fused = djlLastHiddenState(encoder, batch);

            int hidden = encoder.config().hiddenSize();
            assertThat(plain).hasSize(batch.batch() * batch.seq() * hidden);
            double plainDiff = maxAbsDiffAtTokens(expected, plain, batch.mask(), hidden);
            double fusedDiff = maxAbsDiffAtTokens(expected, fused, batch.mask(), hidden);
            System.out.printf(
                    "Parity with ONNX Runtime: %d sentences padded to %d tokens, max |diff| = %.3g (training path),"
                            + " %.3g (fused inference path)%n",
                    texts.size(), batch.seq(), plainDiff, fusedDiff);
            assertThat(plainDiff).isLessThan(TOLERANCE);
            assertThat(fusedDiff).isLessThan(TOLERANCE);
        }
    }

    private static float[] djlLastHiddenState(BertEncoder encoder, MiniLmFixture.Batch batch) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape shape = new Shape(batch.batch(), batch.seq());
            NDList inputs = new NDList(manager.create(batch.ids(), shape), manager.create(batch.mask(), shape));
            NDArray hidden = encoder.forward(new ParameterStore(manager, false), inputs, false)
                    .singletonOrThrow();
            assertThat(hidden.getShape().getShape()).containsExactly(batch.batch(), batch.seq(), 384);
            return hidden.toFloatArray();
        }
    }

    private static double maxAbsDiffAtTokens(float[] expected, float[] actual, long[] mask, int hidden) {
        double max = 0;
        for (int token = 0; token < mask.length; token++) {
            if (mask[token] == 0) {
                continue;
            }
            for (int h = 0; h < hidden; h++) {
                int i = token * hidden + h;
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
}
