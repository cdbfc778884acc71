package io.streamtune.model.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamtune.model.base.BuiltInBase;
import io.streamtune.model.bert.BertCheckpoints;
import io.streamtune.model.bert.BertEncoder;
import io.streamtune.model.bert.BertSequenceClassifier;
import io.streamtune.model.bert.Pooling;
import io.streamtune.model.bert.SentimentSentences;
import io.streamtune.model.classify.ClassifierSettings;
import io.streamtune.model.classify.DjlTextClassifier;
import io.streamtune.model.classify.Prediction;
import io.streamtune.model.tokenize.BatchPlan;
import io.streamtune.model.tokenize.TextTokenizer;
import io.streamtune.model.tokenize.TokenBatch;
import io.streamtune.model.tokenize.TokenizerConfig;
import io.streamtune.model.training.FineTuneConfig;
import io.streamtune.model.training.FineTuner;
import io.streamtune.model.training.HoldoutSplit;
import io.streamtune.model.training.LabeledText;
import io.streamtune.model.training.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * CLS against mean pooling on the UCI sentiment data ({@code stream} split to learn, {@code test} split
 * to score), measured two ways: a linear probe on the frozen pretrained encoder, and one epoch of
 * fine-tuning at the default settings, scored through {@link DjlTextClassifier}.
 *
 * <p>Run (with {@code DJL_OFFLINE=true OPT_OUT_TRACKING=true OMP_WAIT_POLICY=PASSIVE} exported; the path
 * is relative to the working directory): {@code ./mvnw -q -pl model test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.streamtune.model.bench.PoolingBenchmark -Dexec.args="model/target/pooling.json"}; add
 * {@code probe} after the path to skip fine-tuning (a few seconds instead of minutes), and {@code
 * base=bge-small-en-v1.5} to measure that built-in base instead of the default.
 */
public final class PoolingBenchmark {

    private static final List<String> LABELS = List.of("neg", "pos");
    private static final int BATCH = 32;
    private static final long SEED = 42;

    private PoolingBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/pooling-benchmark.json");
        List<String> options = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        boolean probeOnly = options.contains("probe");
        BuiltInBase base = options.stream()
                .filter(option -> option.startsWith("base="))
                .map(option -> BuiltInBase.fromKey(option.substring("base=".length())))
                .findFirst()
                .orElse(BuiltInBase.DEFAULT);
        SentimentSentences data = SentimentSentences.load();
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("base", base.key());
        Map<Pooling, Double> probe = linearProbe(data, base);
        probe.forEach((pooling, accuracy) -> json.put("probe_" + pooling.configName(), accuracy));
        System.out.printf(
                "%s, linear probe on the frozen encoder, test accuracy: CLS %.4f, mean %.4f%n",
                base.displayName(), probe.get(Pooling.CLS), probe.get(Pooling.MEAN));
        if (!probeOnly) {
            for (Pooling pooling : Pooling.values()) {
                double accuracy = fineTuned(data, base, pooling);
                json.put("finetune_" + pooling.configName(), accuracy);
                System.out.printf("Fine-tuned one epoch with %s pooling, test accuracy %.4f%n", pooling, accuracy);
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), json);
        System.out.println("Wrote " + out.toAbsolutePath());
    }

    private static Map<Pooling, Double> linearProbe(SentimentSentences data, BuiltInBase base) throws Exception {
        Map<Pooling, Double> accuracies = new EnumMap<>(Pooling.class);
        try (NDManager manager = NDManager.newBaseManager();
                TextTokenizer tokenizer = base.loadTokenizer(TokenizerConfig.defaults())) {
            BertEncoder encoder = base.loadEncoder(manager);
            encoder.prepareForInference(manager);
            for (Pooling pooling : Pooling.values()) {
                float[][] features = features(encoder, tokenizer, data.texts(), pooling, manager);
                accuracies.put(pooling, probeAccuracy(features, data));
            }
        }
        return accuracies;
    }

    private static double probeAccuracy(float[][] features, SentimentSentences data) {
        List<float[]> trainX = new ArrayList<>();
        List<Integer> trainY = new ArrayList<>();
        List<float[]> testX = new ArrayList<>();
        List<Integer> testY = new ArrayList<>();
        for (int i = 0; i < features.length; i++) {
            boolean test = "test".equals(data.splits().get(i));
            (test ? testX : trainX).add(features[i]);
            (test ? testY : trainY).add(LABELS.indexOf(data.labels().get(i)));
        }
        LinearProbe probe = LinearProbe.train(
                trainX.toArray(new float[0][]),
                trainY.stream().mapToInt(Integer::intValue).toArray());
        return probe.accuracy(
                testX.toArray(new float[0][]),
                testY.stream().mapToInt(Integer::intValue).toArray());
    }

    private static float[][] features(
            BertEncoder encoder, TextTokenizer tokenizer, List<String> texts, Pooling pooling, NDManager manager) {
        BatchPlan plan = tokenizer.plan(texts, BATCH);
        List<List<float[]>> perBatch = new ArrayList<>();
        for (TokenBatch batch : plan.batches()) {
            try (NDManager scope = manager.newSubManager()) {
                NDList inputs = batch.toNDList(scope);
                NDArray hidden = encoder.forward(new ParameterStore(scope, false), inputs, false)
                        .singletonOrThrow();
                float[] pooled = pooling.pool(hidden, inputs.get(1)).toFloatArray();
                int dims = pooled.length / batch.size();
                List<float[]> rows = new ArrayList<>();
                for (int row = 0; row < batch.size(); row++) {
                    rows.add(java.util.Arrays.copyOfRange(pooled, row * dims, (row + 1) * dims));
                }
                perBatch.add(rows);
            }
        }
        return plan.<float[]>restore(perBatch).toArray(new float[0][]);
    }

    private static double fineTuned(SentimentSentences data, BuiltInBase base, Pooling pooling) throws Exception {
        List<LabeledText> stream = new ArrayList<>();
        List<String> testTexts = new ArrayList<>();
        List<String> testLabels = new ArrayList<>();
        for (int i = 0; i < data.texts().size(); i++) {
            if ("test".equals(data.splits().get(i))) {
                testTexts.add(data.texts().get(i));
                testLabels.add(data.labels().get(i));
            } else {
                stream.add(new LabeledText(data.texts().get(i), data.labels().get(i)));
            }
        }
        FineTuneConfig config = FineTuneConfig.builder()
                .optEpochs(1)
                .optSeed(SEED)
                .optPooling(pooling)
                .build();
        NDManager manager = NDManager.newBaseManager();
        TextTokenizer tokenizer = base.loadTokenizer(config.tokenizerConfig());
        Engine.getInstance().setRandomSeed((int) SEED);
        BertSequenceClassifier model =
                BertCheckpoints.newClassifier(base.loadEncoder(manager), LABELS.size(), pooling, manager);
        HoldoutSplit split = HoldoutSplit.of(stream, config.holdoutFraction(), SEED);
        new FineTuner(config, ProgressListener.logging())
                .fineTune(model, tokenizer, LABELS, split.train(), split.holdout(), manager);
        ClassifierSettings settings = ClassifierSettings.defaults().withMaxLength(config.maxLength());
        try (DjlTextClassifier classifier = DjlTextClassifier.of(model, LABELS, tokenizer, manager, settings)) {
            List<Prediction> predictions = classifier.classify(testTexts);
            int correct = 0;
            for (int i = 0; i < predictions.size(); i++) {
                correct += predictions.get(i).label().equals(testLabels.get(i)) ? 1 : 0;
            }
            return (double) correct / predictions.size();
        }
    }
}
