package io.streamtune.model.training;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamtune.model.base.BuiltInBase;
import io.streamtune.model.bert.BertCheckpoints;
import io.streamtune.model.bert.BertSequenceClassifier;
import io.streamtune.model.bert.Pooling;
import io.streamtune.model.tokenize.BatchPlan;
import io.streamtune.model.tokenize.TextTokenizer;
import io.streamtune.model.tokenize.TokenBatch;
import io.streamtune.model.tokenize.TokenizedText;
import io.streamtune.model.tokenize.TokenizerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Dynamic padding with length grouping against padding every text to 128, on the sentence lengths of the
 * UCI sentiment data, through the inference path of the classifier ({@link BertSequenceClassifier}
 * prepared for inference, forward on a {@link TokenBatch}). Both arms classify the same seeded sample of
 * sentences in batches of the same size; they alternate round by round so that load from other processes
 * hits both alike. Tokenisation is excluded from both (it is identical); length grouping is included in
 * the dynamic arm. Prints sentences per second of each arm and their ratio, and writes JSON.
 *
 * <p>Run: {@code ./mvnw -q -pl model test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.streamtune.model.training.PaddingBenchmark
 * -Dexec.args="target/padding-benchmark.json"}. Options after the path: {@code texts=640}, {@code
 * batch=32}, {@code rounds=3}.
 */
public final class PaddingBenchmark {

    private static final int FIXED_LENGTH = 128;

    private PaddingBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/padding-benchmark.json");
        Map<String, String> options = BenchmarkOutput.options(args);
        int count = Integer.parseInt(options.getOrDefault("texts", "640"));
        int batchSize = Integer.parseInt(options.getOrDefault("batch", "32"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        List<String> texts = sample(count);
        try (NDManager manager = NDManager.newBaseManager();
                TextTokenizer tokenizer =
                        BuiltInBase.ALL_MINILM_L6_V2.loadTokenizer(TokenizerConfig.ofMaxLength(FIXED_LENGTH))) {
            BertSequenceClassifier model = BertCheckpoints.newClassifier(
                    BuiltInBase.ALL_MINILM_L6_V2.loadEncoder(manager), 2, Pooling.MEAN, manager);
            model.prepareForInference(manager);
            List<TokenizedText> encoded = tokenizer.encodeAll(texts);
            List<TokenBatch> fixed = fixedBatches(encoded, batchSize, tokenizer.padId());
            runDynamic(model, encoded, batchSize, tokenizer.padId(), manager);
            run(model, fixed.subList(0, 1), manager);
            double dynamicSeconds = 0;
            double fixedSeconds = 0;
            for (int round = 1; round <= rounds; round++) {
                double d = runDynamic(model, encoded, batchSize, tokenizer.padId(), manager);
                double f = run(model, fixed, manager);
                System.out.printf(Locale.ROOT, "round %d: dynamic %.2f s, fixed-128 %.2f s%n", round, d, f);
                dynamicSeconds += d;
                fixedSeconds += f;
            }
            BatchPlan plan = BatchPlan.byLength(encoded, batchSize, tokenizer.padId());
            report(texts.size() * rounds, dynamicSeconds, fixedSeconds, plan, encoded, batchSize, rounds, out);
        }
    }

    /** A seeded sample of the sentences of both splits. */
    private static List<String> sample(int count) {
        List<String> all = new ArrayList<>(
                Stream.concat(SentimentData.texts("stream").stream(), SentimentData.texts("test").stream())
                        .toList());
        Collections.shuffle(all, new Random(42));
        return all.subList(0, Math.min(count, all.size()));
    }

    private static List<TokenBatch> fixedBatches(List<TokenizedText> encoded, int batchSize, long padId) {
        List<TokenBatch> batches = new ArrayList<>();
        for (int from = 0; from < encoded.size(); from += batchSize) {
            int to = Math.min(encoded.size(), from + batchSize);
            int[] indices = IntStream.range(from, to).toArray();
            batches.add(TokenBatch.packToLength(encoded.subList(from, to), indices, padId, FIXED_LENGTH));
        }
        return batches;
    }

    private static double runDynamic(
            BertSequenceClassifier model, List<TokenizedText> encoded, int batchSize, long padId, NDManager manager) {
        long start = System.nanoTime();
        List<TokenBatch> batches = BatchPlan.byLength(encoded, batchSize, padId).batches();
        double grouping = (System.nanoTime() - start) / 1e9;
        return grouping + run(model, batches, manager);
    }

    private static double run(BertSequenceClassifier model, List<TokenBatch> batches, NDManager manager) {
        long start = System.nanoTime();
        for (TokenBatch batch : batches) {
            try (NDManager scope = manager.newSubManager()) {
                model.forward(new ParameterStore(scope, false), batch.toNDList(scope), false)
                        .singletonOrThrow()
                        .toFloatArray();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void report(
            int sentences,
            double dynamicSeconds,
            double fixedSeconds,
            BatchPlan plan,
            List<TokenizedText> encoded,
            int batchSize,
            int rounds,
            Path out)
            throws IOException {
        double dynamicRate = sentences / dynamicSeconds;
        double fixedRate = sentences / fixedSeconds;
        double meanPadded = plan.batches().stream()
                        .mapToDouble(b -> (double) b.sequenceLength() * b.size())
                        .sum()
                / encoded.size();
        double meanLength =
                encoded.stream().mapToInt(TokenizedText::length).average().orElse(0);
        int[] lengths =
                encoded.stream().mapToInt(TokenizedText::length).sorted().toArray();
        System.out.printf(Locale.ROOT, "%n| arm | sentences/s | mean padded length |%n|---|---|---|%n");
        System.out.printf(Locale.ROOT, "| dynamic + length grouping | %.1f | %.1f |%n", dynamicRate, meanPadded);
        System.out.printf(Locale.ROOT, "| padded to %d | %.1f | %d |%n", FIXED_LENGTH, fixedRate, FIXED_LENGTH);
        System.out.printf(
                Locale.ROOT,
                "ratio dynamic / fixed: %.2fx (texts %d, batch %d, rounds %d; tokens"
                        + " p50 %d p90 %d max %d, mean %.1f)%n",
                dynamicRate / fixedRate,
                encoded.size(),
                batchSize,
                rounds,
                lengths[lengths.length / 2],
                lengths[lengths.length * 9 / 10],
                lengths[lengths.length - 1],
                meanLength);
        ObjectNode result = BenchmarkOutput.newResult("padding");
        result.put("texts", encoded.size()).put("batch", batchSize).put("rounds", rounds);
        result.put("dynamicSentencesPerSecond", dynamicRate).put("fixedSentencesPerSecond", fixedRate);
        result.put("ratio", dynamicRate / fixedRate).put("meanPaddedLength", meanPadded);
        result.put("meanTokenLength", meanLength)
                .put("maxTokenLength", Arrays.stream(lengths).max().orElse(0));
        BenchmarkOutput.write(result, out);
    }
}
