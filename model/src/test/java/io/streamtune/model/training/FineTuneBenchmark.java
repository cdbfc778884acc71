package io.streamtune.model.training;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamtune.model.base.BuiltInBase;
import io.streamtune.model.bert.BertSequenceClassifier;
import io.streamtune.model.tokenize.TextTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fine-tuning throughput at the default settings ({@link FineTuneConfig#defaults()}: max length 64, batch 16,
 * AdamW on all parameters of MiniLM-L6 plus the head, dynamic padding with length buckets) on the UCI sentiment
 * {@code stream} sentences. Trains one epoch over the first {@code examples} training examples and reports
 * training examples per second between the first progress report and the last (model loading, the first
 * steps and the holdout evaluation excluded). Prints a table and writes JSON.
 *
 * <p>Run: {@code ./mvnw -q -pl model test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.streamtune.model.training.FineTuneBenchmark
 * -Dexec.args="target/finetune-benchmark.json"}. Options after the path: {@code examples=960}.
 */
public final class FineTuneBenchmark {

    private FineTuneBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/finetune-benchmark.json");
        Map<String, String> options = BenchmarkOutput.options(args);
        int count = Integer.parseInt(options.getOrDefault("examples", "960"));
        FineTuneConfig config =
                FineTuneConfig.builder().optEpochs(1).optEarlyStopping(1, 1).build();
        List<String> labels = List.of("neg", "pos");
        HoldoutSplit split = HoldoutSplit.of(SentimentData.split("stream"), config.holdoutFraction(), config.seed());
        List<LabeledText> train =
                split.train().subList(0, Math.min(count, split.train().size()));
        List<LabeledText> holdout =
                split.holdout().subList(0, Math.min(64, split.holdout().size()));
        List<TrainingProgress> reports = new ArrayList<>();
        ProgressListener listener = progress -> {
            reports.add(progress);
            ProgressListener.logging().onProgress(progress);
        };
        try (NDManager manager = NDManager.newBaseManager();
                TextTokenizer tokenizer =
                        StartingPoint.pretrained(BuiltInBase.ALL_MINILM_L6_V2).loadTokenizer(config)) {
            BertSequenceClassifier classifier =
                    StartingPoint.pretrained(BuiltInBase.ALL_MINILM_L6_V2).loadClassifier(labels, config, manager);
            new FineTuner(config, listener).fineTune(classifier, tokenizer, labels, train, holdout, manager);
        }
        report(config, train.size(), reports, out);
    }

    private static void report(FineTuneConfig config, int examples, List<TrainingProgress> reports, Path out)
            throws IOException {
        TrainingProgress first = reports.get(0);
        TrainingProgress last = reports.get(reports.size() - 1);
        int steps = last.step() - first.step();
        double seconds = (last.elapsed().toNanos() - first.elapsed().toNanos()) / 1e9;
        double examplesMeasured = Math.min(examples, (double) last.step() * config.batchSize())
                - (double) first.step() * config.batchSize();
        double rate = examplesMeasured / seconds;
        System.out.printf(Locale.ROOT, "%n| setting | value |%n|---|---|%n");
        System.out.printf(
                Locale.ROOT,
                "| max length / batch / pooling | %d / %d / %s |%n",
                config.maxLength(),
                config.batchSize(),
                config.pooling());
        System.out.printf(
                Locale.ROOT, "| steps measured | %d (%.0f examples in %.1f s) |%n", steps, examplesMeasured, seconds);
        System.out.printf(Locale.ROOT, "| training examples/s | %.1f |%n", rate);
        System.out.printf(Locale.ROOT, "| seconds per step | %.2f |%n", seconds / steps);
        ObjectNode result = BenchmarkOutput.newResult("fine-tuning");
        result.put("maxLength", config.maxLength()).put("batchSize", config.batchSize());
        result.put("pooling", config.pooling().name()).put("stepsMeasured", steps);
        result.put("examplesPerSecond", rate).put("secondsPerStep", seconds / steps);
        BenchmarkOutput.write(result, out);
    }
}
