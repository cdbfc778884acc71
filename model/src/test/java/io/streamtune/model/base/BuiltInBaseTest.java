package io.streamtune.model.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.streamtune.model.bert.BertEncoder;
import io.streamtune.model.bert.Pooling;
import io.streamtune.model.tokenize.TextTokenizer;
import io.streamtune.model.tokenize.TokenBatch;
import io.streamtune.model.tokenize.TokenizerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BuiltInBaseTest {

    private static final List<String> SENTENCES = List.of(
            "The film was wonderful and I enjoyed every minute of it.",
            "I loved this movie, it was a delight from start to finish.",
            "Please pay the invoice by bank transfer before Friday.");

    @Test
    void shouldFindEveryBaseByItsKeyIgnoringCase() {
        assertThat(BuiltInBase.fromKey("all-minilm-l6-v2")).isEqualTo(BuiltInBase.ALL_MINILM_L6_V2);
        assertThat(BuiltInBase.fromKey(" BGE-small-en-v1.5 ")).isEqualTo(BuiltInBase.BGE_SMALL_EN_V1_5);
        assertThat(BuiltInBase.DEFAULT).isEqualTo(BuiltInBase.ALL_MINILM_L6_V2);
    }

    @Test
    void shouldRefuseAnUnknownKeyNamingTheKnownOnes() {
        assertThatThrownBy(() -> BuiltInBase.fromKey("bert-base-uncased"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bert-base-uncased")
                .hasMessageContaining("all-minilm-l6-v2, bge-small-en-v1.5");
    }

    @Test
    void shouldNameTheResourcesOfItsJar() {
        assertThat(BuiltInBase.BGE_SMALL_EN_V1_5.onnxResource()).isEqualTo("bge-small-en-v1.5.onnx");
        assertThat(BuiltInBase.BGE_SMALL_EN_V1_5.tokenizerResource()).isEqualTo("bge-small-en-v1.5-tokenizer.json");
        assertThat(BuiltInBase.ALL_MINILM_L6_V2.tokenizerResource()).isEqualTo("all-minilm-l6-v2-tokenizer.json");
    }

    /**
     * Given two paraphrases and an unrelated sentence, the base's own tokenizer and encoder put the paraphrases
     * closer together than either is to the unrelated one, with both poolings a classifier head can use.
     */
    @ParameterizedTest
    @EnumSource(BuiltInBase.class)
    void shouldEmbedParaphrasesCloserThanUnrelatedSentences(BuiltInBase base) throws Exception {
        try (NDManager manager = NDManager.newBaseManager();
                TextTokenizer tokenizer = base.loadTokenizer(TokenizerConfig.defaults())) {
            BertEncoder encoder = base.loadEncoder(manager);
            encoder.prepareForInference(manager);
            TokenBatch batch = tokenizer.batch(SENTENCES);
            NDList inputs = batch.toNDList(manager);
            NDArray hidden = encoder.forward(new ParameterStore(manager, false), inputs, false)
                    .singletonOrThrow();

            for (Pooling pooling : Pooling.values()) {
                NDArray pooled = pooling.pool(hidden, inputs.get(1));
                NDArray unit = pooled.div(pooled.norm(new int[] {1}, true));
                float[] cosine = unit.matMul(unit.transpose()).toFloatArray();
                float paraphrases = cosine[1];
                float unrelatedToFirst = cosine[2];
                float unrelatedToSecond = cosine[5];
                System.out.printf(
                        "%s, %s pooling: cosine of paraphrases %.3f, of unrelated %.3f and %.3f%n",
                        base.displayName(), pooling, paraphrases, unrelatedToFirst, unrelatedToSecond);
                assertThat(paraphrases).as("%s pooling", pooling).isGreaterThan(unrelatedToFirst);
                assertThat(paraphrases).as("%s pooling", pooling).isGreaterThan(unrelatedToSecond);
            }
        }
    }
}
