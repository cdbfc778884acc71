package io.streamtune.model.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.streamtune.model.base.BuiltInBase;
import io.streamtune.model.bert.BertCheckpoints;
import io.streamtune.model.bert.BertSequenceClassifier;
import io.streamtune.model.bert.Pooling;
import io.streamtune.model.tokenize.TextWindows;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjlTextClassifierTest {

    private static final List<String> LABELS = List.of("neg", "neutral", "pos");
    private static final List<String> TEXTS = List.of(
            "Food quality has been horrible.",
            "It was so BORING!",
            "I received my supposedly new motorola 375 and there was not a match between the phone and the charger.",
            "Great!");

    @TempDir
    static Path folder;

    private static DjlTextClassifier classifier;

    @BeforeAll
    static void writeAndLoadClassifierFolder() throws Exception {
        Engine.getInstance().setRandomSeed(11);
        try (NDManager manager = NDManager.newBaseManager()) {
            BertSequenceClassifier model = BertCheckpoints.newClassifier(
                    BuiltInBase.ALL_MINILM_L6_V2.loadEncoder(manager), LABELS.size(), Pooling.MEAN, manager);
            BertCheckpoints.saveClassifier(model, folder.resolve("model.safetensors"));
            Files.writeString(
                    folder.resolve("config.json"), model.hfConfig(LABELS).toString());
        }
        try (InputStream tokenizer = BuiltInBase.ALL_MINILM_L6_V2.openTokenizer()) {
            Files.copy(tokenizer, folder.resolve("tokenizer.json"));
        }
        classifier =
                DjlTextClassifier.load(folder, ClassifierSettings.defaults().withMaxLength(16));
    }

    @AfterAll
    static void closeClassifier() {
        classifier.close();
    }

    @Test
    void shouldGiveOnePredictionPerTextWithScoresSummingToOne() {
        List<Prediction> predictions = classifier.classify(TEXTS);

        assertThat(classifier.labels()).containsExactlyElementsOf(LABELS);
        assertThat(predictions).hasSize(TEXTS.size());
        for (Prediction prediction : predictions) {
            assertThat(prediction.scores().keySet()).containsExactlyElementsOf(LABELS);
            double sum = prediction.scores().values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            assertThat(sum).isCloseTo(1.0, within(1e-5));
            double best = Collections.max(prediction.scores().values());
            assertThat(prediction.confidence()).isEqualTo(best);
            assertThat(prediction.scores().get(prediction.label())).isEqualTo(best);
        }
    }

    @Test
    void shouldScoreEachTextAsInABatchDespitePaddingAndRegrouping() {
        List<Prediction> batched = classifier.classify(TEXTS);

        for (int i = 0; i < TEXTS.size(); i++) {
            Prediction alone = classifier.classify(List.of(TEXTS.get(i))).get(0);
            for (String label : LABELS) {
                assertThat(batched.get(i).scores().get(label))
                        .isCloseTo(alone.scores().get(label), within(1e-5));
            }
        }
    }

    @Test
    void shouldSeeTextsLongerThanMaxLengthWholeInWindows() {
        List<Prediction> predictions = classifier.classify(TEXTS);

        assertThat(predictions).extracting(Prediction::truncated).containsExactly(false, false, false, false);
    }

    @Test
    void shouldFlagOnlyTextsLongerThanMaxLengthWithOneWindow() throws Exception {
        try (DjlTextClassifier oneWindow = DjlTextClassifier.load(
                folder, ClassifierSettings.defaults().withMaxLength(16).withWindows(1, TextWindows.Pooling.MEAN))) {
            List<Prediction> predictions = oneWindow.classify(TEXTS);
            Prediction windowed = classifier.classify(TEXTS).get(2);

            assertThat(predictions).extracting(Prediction::truncated).containsExactly(false, false, true, false);
            assertThat(predictions.get(2).scores().get("neg"))
                    .isNotCloseTo(windowed.scores().get("neg"), within(1e-6));
            assertThat(predictions.get(0).scores().get("neg"))
                    .isCloseTo(classifier.classify(TEXTS).get(0).scores().get("neg"), within(1e-6));
        }
    }

    @Test
    void shouldFlagTextsLongerThanAllWindowsTogether() {
        String tooLong = String.join(" ", Collections.nCopies(200, "charger"));

        Prediction prediction = classifier.classify(List.of(tooLong)).get(0);

        assertThat(prediction.truncated()).isTrue();
    }

    @Test
    void shouldGiveSameResultsWhenCalledFromManyThreadsAtOnce() throws Exception {
        List<Prediction> expected = classifier.classify(TEXTS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Prediction>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> classifier.classify(TEXTS)));
            }
            for (Future<List<Prediction>> result : results) {
                List<Prediction> actual = result.get();
                for (int i = 0; i < TEXTS.size(); i++) {
                    assertThat(actual.get(i).label()).isEqualTo(expected.get(i).label());
                    assertThat(actual.get(i).confidence())
                            .isCloseTo(expected.get(i).confidence(), within(1e-6));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldEmbedTextsAsUnitVectorsFromTheSamePassAsTheirPredictions() {
        List<EmbeddedPrediction> embedded = classifier.classifyAndEmbed(TEXTS);
        List<Prediction> predictions = classifier.classify(TEXTS);

        assertThat(embedded).hasSize(TEXTS.size());
        for (int i = 0; i < TEXTS.size(); i++) {
            float[] vector = embedded.get(i).embedding();
            assertThat(vector).hasSize(384);
            assertThat(dot(vector, vector)).isCloseTo(1.0, within(1e-5));
            assertThat(embedded.get(i).prediction().scores().get("neg"))
                    .isCloseTo(predictions.get(i).scores().get("neg"), within(1e-6));
        }
    }

    @Test
    void shouldEmbedNearDuplicatesCloserThanUnrelatedTexts() {
        List<EmbeddedPrediction> embedded = classifier.classifyAndEmbed(
                List.of(
                        "Food quality has been horrible.",
                        "food quality has been horrible!!",
                        "I received my supposedly new motorola 375 and there was not a match between the phone and the charger."));
        float[] text = embedded.get(0).embedding();

        assertThat(dot(
                        text,
                        classifier
                                .classifyAndEmbed(List.of(TEXTS.get(0)))
                                .get(0)
                                .embedding()))
                .isCloseTo(1.0, within(1e-5));
        assertThat(dot(text, embedded.get(1).embedding())).isGreaterThan(0.9);
        assertThat(dot(text, embedded.get(2).embedding()))
                .isLessThan(dot(text, embedded.get(1).embedding()) - 0.1);
    }

    @Test
    void shouldReturnNothingForNoTexts() {
        assertThat(classifier.classify(List.of())).isEmpty();
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Test
    void shouldRefuseGpuThatDoesNotExist() {
        ClassifierSettings gpu = ClassifierSettings.defaults()
                .withDevice("gpu:" + Engine.getInstance().getGpuCount());

        assertThatThrownBy(() -> DjlTextClassifier.load(folder, gpu))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GPU(s) visible");
    }
}
