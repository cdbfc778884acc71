package io.streamtune.model.lexical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexicalModelTest {

    private static final List<String> LABELS = List.of("billing", "outage", "praise");
    private static final String[][] WORDS = {
        {"invoice", "refund", "charged", "payment", "bill"},
        {"down", "offline", "error", "crashed", "unreachable"},
        {"great", "love", "thanks", "excellent", "wonderful"}
    };
    private static final String[] FILLER = {"the", "service", "today", "our", "team", "is", "again", "and", "we"};

    @TempDir
    Path folder;

    @Test
    void shouldLearnTheWordsOfEachClassAndPredictUnseenTexts() {
        LexicalModel model = trained(1f);

        assertThat(predicted(model, "the bill shows we were charged twice, refund please"))
                .isEqualTo("billing");
        assertThat(predicted(model, "everything crashed and the site is unreachable"))
                .isEqualTo("outage");
        assertThat(predicted(model, "thanks, excellent work")).isEqualTo("praise");
    }

    @Test
    void shouldSeeATellingWordAnywhereInALongText() {
        LexicalModel model = trained(1f);
        StringBuilder filler = new StringBuilder();
        for (int word = 0; word < 300; word++) {
            filler.append("unseen").append(word).append(' ');
        }

        assertThat(predicted(model, filler + " refund the invoice payment")).isEqualTo("billing");
        assertThat(predicted(model, "refund the invoice payment " + filler)).isEqualTo("billing");
    }

    @Test
    void shouldCalibrateItsProbabilitiesWithATemperature() {
        LexicalModel model = trained(1f);

        double[] log = model.logProbabilities("refund");
        assertThat(Arrays.stream(log).map(Math::exp).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(model.temperature()).isPositive();
    }

    @Test
    void shouldLetAConfidentLexicalExpertOverruleAnUnsureBertAndLeaveASureOneAlone() {
        LexicalModel model = trained(1f);
        String text = "refund the invoice payment bill charged";

        float[] unsure = model.fuse(new float[] {0.0f, 0.3f, 0.0f}, text);
        float[] sure = model.fuse(new float[] {0.0f, 30f, 0.0f}, text);

        assertThat(argmax(unsure)).isEqualTo(0);
        assertThat(argmax(sure)).isEqualTo(1);
        assertThat(argmax(model.withFusionWeight(0f).fuse(new float[] {0.0f, 0.3f, 0.0f}, text)))
                .isEqualTo(1);
    }

    @Test
    void shouldReadBackExactlyWhatItWrote() throws IOException {
        LexicalModel model = trained(0.5f);
        Path file = folder.resolve(LexicalModel.FILE);
        try (var out = Files.newOutputStream(file)) {
            model.writeTo(out);
        }

        LexicalModel read = LexicalModel.read(file, LABELS.size());

        assertThat(read.fusionWeight()).isEqualTo(0.5f);
        assertThat(read.temperature()).isEqualTo(model.temperature());
        assertThat(read.logProbabilities("refund the bill")).containsExactly(model.logProbabilities("refund the bill"));
    }

    @Test
    void shouldRefuseAFileThatIsCutShortOrForOtherLabels() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        trained(1f).writeTo(bytes);
        Path cut = folder.resolve("cut.bin");
        Files.write(cut, Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2));
        Path whole = folder.resolve("whole.bin");
        Files.write(whole, bytes.toByteArray());
        Path garbage = folder.resolve("garbage.bin");
        Files.writeString(garbage, "not a model at all");

        assertThatThrownBy(() -> LexicalModel.read(cut, 3))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cut");
        assertThatThrownBy(() -> LexicalModel.read(whole, 4))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("3 classes for 4 labels");
        assertThatThrownBy(() -> LexicalModel.read(garbage, 3))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a lexical model");
    }

    @Test
    void shouldHashTheSameTextToTheSameUnitVector() {
        NgramFeatures features = new NgramFeatures(1 << 12);

        SparseVector one = features.of("Refund my BILL, refund it!");
        SparseVector two = features.of("refund my bill refund it");
        double norm = 0;
        for (float value : one.values()) {
            norm += value * value;
        }

        assertThat(one.indices()).containsExactly(two.indices());
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(features.of("  ... ").size()).isZero();
    }

    private static LexicalModel trained(float weight) {
        Random random = new Random(3);
        List<String> texts = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            int label = i % LABELS.size();
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 8; w++) {
                String[] pool = w % 3 == 0 ? WORDS[label] : FILLER;
                text.append(pool[random.nextInt(pool.length)]).append(' ');
            }
            texts.add(text.toString());
            truth.add(LABELS.get(label));
        }
        return new LexicalTrainer(1 << 14, 7).train(texts, truth, LABELS, weight);
    }

    private static String predicted(LexicalModel model, String text) {
        double[] log = model.logProbabilities(text);
        int best = 0;
        for (int c = 1; c < log.length; c++) {
            best = log[c] > log[best] ? c : best;
        }
        return LABELS.get(best);
    }

    private static int argmax(float[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            best = row[c] > row[best] ? c : best;
        }
        return best;
    }
}
