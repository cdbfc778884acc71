package io.streamtune.model.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.streamtune.model.base.BuiltInBase;
import io.streamtune.model.bert.BertCheckpoints;
import io.streamtune.model.bert.Pooling;
import io.streamtune.model.bert.SentimentSentences;
import io.streamtune.model.classify.ClassifierSettings;
import io.streamtune.model.classify.DjlTextClassifier;
import io.streamtune.model.classify.EmbeddedPrediction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Chooses the correction memory's similarity threshold on held-out data. The sentences of {@code
 * data/uci_sentiment.jsonl} are shuffled and cut into a tuning half and a held-out half. In each half, 250 sentences
 * are the "corrected" texts the memory holds; each is rewritten seven ways (exact repeat, lower case, punctuation
 * changed, white space changed, a word inserted, a word removed, another sentence appended) as near-duplicates that
 * should get its label, and 500 sentences of the half that are not in memory are the non-duplicates that should not be
 * answered. Texts are embedded as the classifier embeds them ({@link DjlTextClassifier#classifyAndEmbed}: windows'
 * mean-pooled features averaged, L2-normalised) by the pretrained all-MiniLM-L6-v2 encoder. For each threshold it
 * prints: recall of each kind of near-duplicate (answered by memory), the share of non-duplicates answered, and the
 * precision of memory answers (the share whose label is the text's own). The threshold chosen is the lowest on the
 * tuning half that answers at most 1% of non-duplicates with at least 99% precision; its held-out figures are what
 * the README reports.
 *
 * <p>Run from the repository root (with {@code DJL_OFFLINE=true OPT_OUT_TRACKING=true OMP_WAIT_POLICY=PASSIVE}):
 * {@code ./mvnw -o -q -pl model test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.streamtune.model.bench.MemoryThresholdBenchmark}
 */
public final class MemoryThresholdBenchmark {

    private static final int REMEMBERED = 250;
    private static final int NON_DUPLICATES = 500;
    private static final double[] THRESHOLDS = {0.80, 0.85, 0.88, 0.90, 0.92, 0.94, 0.95, 0.96, 0.97, 0.98, 0.99};
    private static final String[] FILLERS = {"really", "just", "very", "also", "honestly"};
    private static final Map<String, BiFunction<String, Random, String>> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("exact", (text, random) -> text);
        VARIANTS.put("case", (text, random) -> text.toLowerCase(Locale.ROOT));
        VARIANTS.put("punct", (text, random) -> text.replaceAll("[.!?,;:]+", "").strip() + "!!");
        VARIANTS.put("space", (text, random) -> "  " + text.replace(" ", "   ") + "\n");
        VARIANTS.put("insert", MemoryThresholdBenchmark::insertWord);
        VARIANTS.put("remove", MemoryThresholdBenchmark::removeWord);
    }

    private MemoryThresholdBenchmark() {}

    public static void main(String[] args) throws Exception {
        Engine.getInstance().setRandomSeed(7);
        SentimentSentences data = SentimentSentences.load();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < data.texts().size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(42));
        int half = order.size() / 2;
        ClassifierSettings settings = ClassifierSettings.defaults().withMaxLength(128);
        NDManager manager = NDManager.newBaseManager();
        try (DjlTextClassifier encoder = DjlTextClassifier.of(
                BertCheckpoints.newClassifier(
                        BuiltInBase.ALL_MINILM_L6_V2.loadEncoder(manager), 2, Pooling.MEAN, manager),
                List.of("neg", "pos"),
                BuiltInBase.ALL_MINILM_L6_V2.loadTokenizer(settings.tokenizerConfig()),
                manager,
                settings)) {
            System.out.println("cpu: " + System.getProperty("os.arch") + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores");
            Map<Double, Figures> tuning = measure("tuning", data, order.subList(0, half), encoder, new Random(1));
            Map<Double, Figures> heldOut =
                    measure("held-out", data, order.subList(half, order.size()), encoder, new Random(2));
            double chosen = tuning.entrySet().stream()
                    .filter(e -> e.getValue().nonDuplicateHitRate() <= 0.01
                            && e.getValue().precision() >= 0.99)
                    .mapToDouble(Map.Entry::getKey)
                    .min()
                    .orElse(Double.NaN);
            System.out.printf(Locale.ROOT, "chosen on tuning: %.2f; held-out there: %s%n", chosen, heldOut.get(chosen));
        }
    }

    private static Map<Double, Figures> measure(
            String name, SentimentSentences data, List<Integer> indexes, DjlTextClassifier encoder, Random random) {
        List<Integer> remembered = indexes.subList(0, REMEMBERED);
        List<Integer> others = indexes.subList(REMEMBERED, REMEMBERED + NON_DUPLICATES);
        List<float[]> memory =
                embed(encoder, remembered.stream().map(data.texts()::get).toList());
        List<String> memoryLabels = remembered.stream().map(data.labels()::get).toList();
        Map<String, List<String>> nearTexts = new LinkedHashMap<>();
        VARIANTS.forEach((kind, variant) -> nearTexts.put(
                kind,
                remembered.stream()
                        .map(i -> variant.apply(data.texts().get(i), random))
                        .toList()));
        nearTexts.put(
                "concat",
                remembered.stream()
                        .map(i ->
                                data.texts().get(i) + " " + data.texts().get(others.get(random.nextInt(others.size()))))
                        .toList());
        Map<String, List<float[]>> nearEmbeddings = new LinkedHashMap<>();
        nearTexts.forEach((kind, texts) -> nearEmbeddings.put(kind, embed(encoder, texts)));
        List<float[]> otherEmbeddings =
                embed(encoder, others.stream().map(data.texts()::get).toList());
        List<String> otherLabels = others.stream().map(data.labels()::get).toList();

        System.out.printf(
                Locale.ROOT,
                "%n%s half: %d remembered, %d near-duplicates each of %s, %d non-duplicates%n",
                name,
                REMEMBERED,
                REMEMBERED,
                nearTexts.keySet(),
                NON_DUPLICATES);
        System.out.printf(
                Locale.ROOT,
                "| threshold | %s | near-dup recall | non-dup answered | precision |%n",
                String.join(" | ", nearTexts.keySet()));
        Map<Double, Figures> figures = new LinkedHashMap<>();
        for (double threshold : THRESHOLDS) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %.2f |", threshold));
            int answered = 0;
            int right = 0;
            int nearAnswered = 0;
            int nearTotal = 0;
            for (Map.Entry<String, List<float[]>> kind : nearEmbeddings.entrySet()) {
                int hits = 0;
                for (int q = 0; q < kind.getValue().size(); q++) {
                    int nearest = nearest(memory, kind.getValue().get(q), threshold);
                    if (nearest >= 0) {
                        hits++;
                        right += memoryLabels.get(nearest).equals(memoryLabels.get(q)) ? 1 : 0;
                    }
                }
                answered += hits;
                nearAnswered += hits;
                nearTotal += kind.getValue().size();
                row.append(String.format(
                        Locale.ROOT, " %.3f |", hits / (double) kind.getValue().size()));
            }
            int otherHits = 0;
            for (int q = 0; q < otherEmbeddings.size(); q++) {
                int nearest = nearest(memory, otherEmbeddings.get(q), threshold);
                if (nearest >= 0) {
                    otherHits++;
                    right += memoryLabels.get(nearest).equals(otherLabels.get(q)) ? 1 : 0;
                }
            }
            answered += otherHits;
            Figures result = new Figures(
                    nearAnswered / (double) nearTotal,
                    otherHits / (double) otherEmbeddings.size(),
                    answered == 0 ? 1.0 : right / (double) answered);
            figures.put(threshold, result);
            row.append(String.format(
                    Locale.ROOT,
                    " %.3f | %.3f | %.3f |",
                    result.nearDuplicateRecall(),
                    result.nonDuplicateHitRate(),
                    result.precision()));
            System.out.println(row);
        }
        return figures;
    }

    private static int nearest(List<float[]> memory, float[] query, double threshold) {
        int best = -1;
        double bestSimilarity = threshold;
        for (int i = 0; i < memory.size(); i++) {
            double similarity = 0;
            for (int d = 0; d < query.length; d++) {
                similarity += memory.get(i)[d] * query[d];
            }
            if (similarity >= bestSimilarity) {
                best = i;
                bestSimilarity = similarity;
            }
        }
        return best;
    }

    private static List<float[]> embed(DjlTextClassifier encoder, List<String> texts) {
        return encoder.classifyAndEmbed(texts).stream()
                .map(EmbeddedPrediction::embedding)
                .toList();
    }

    private static String insertWord(String text, Random random) {
        List<String> words = new ArrayList<>(List.of(text.split(" ")));
        words.add(random.nextInt(words.size() + 1), FILLERS[random.nextInt(FILLERS.length)]);
        return String.join(" ", words);
    }

    private static String removeWord(String text, Random random) {
        List<String> words = new ArrayList<>(List.of(text.split(" ")));
        if (words.size() > 3) {
            words.remove(random.nextInt(words.size()));
        }
        return String.join(" ", words);
    }

    /** The figures of one threshold. */
    private record Figures(double nearDuplicateRecall, double nonDuplicateHitRate, double precision) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "near-duplicate recall %.3f, non-duplicates answered %.3f, precision %.3f",
                    nearDuplicateRecall,
                    nonDuplicateHitRate,
                    precision);
        }
    }
}
