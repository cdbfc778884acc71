package io.streamtune.model.classify;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.streamtune.model.bert.BertCheckpoints;
import io.streamtune.model.bert.BertSequenceClassifier;
import io.streamtune.model.bert.WindowedLogits;
import io.streamtune.model.lexical.LexicalModel;
import io.streamtune.model.tokenize.TextTokenizer;
import io.streamtune.model.tokenize.TextWindows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TextClassifier} running a {@link BertSequenceClassifier} eagerly on DJL's PyTorch engine.
 *
 * <p><b>Thread safety.</b> One instance may be shared by any number of threads calling {@link
 * #classify} at once. The model is immutable after loading (parameters frozen, query/key/value fused),
 * and the tokenizer holds no mutable state. Each call works in its own {@link NDManager} scope and
 * {@code ParameterStore}, closed when it returns, so calls share nothing mutable; because no parameter
 * requires a gradient, no autograd graph is recorded on any thread. Calls on more threads than cores
 * add no throughput: PyTorch's intra-op threads are shared. Swap models by replacing the whole instance
 * and {@link #close()} the old one once no call uses it.
 *
 * <p><b>Batching and long texts.</b> Texts are tokenised into windows of the maximum length ({@link
 * TextWindows}: a text that fits is one window, a longer one is cut into overlapping windows up to {@link
 * ClassifierSettings#maxWindows()}, flagged {@link Prediction#truncated()} when the cap dropped word pieces).
 * All windows are grouped by length into batches of at most {@code batchSize}, padded to the longest window of
 * their batch, and each text's window logits are pooled ({@link ClassifierSettings#windowPooling()}) before the
 * softmax; predictions come back in input order. {@link #classifyAndEmbed} also returns each text's embedding (its
 * windows' pooled encoder features averaged, L2-normalised) from the same forward pass: the head is linear on those
 * features, so the embedding costs no second encoder pass, and {@link #classify} is the same call without it.
 *
 * <p><b>Lexical fusion.</b> A version folder with a {@code lexical.bin} ({@link LexicalModel}) has each text's pooled
 * BERT logits fused with the lexical model's calibrated log-probabilities of the whole text before the softmax, so
 * the scores are the product of both experts; a folder without one is BERT alone.
 */
public final class DjlTextClassifier implements TextClassifier {

    private static final Logger LOG = LoggerFactory.getLogger(DjlTextClassifier.class);

    private final BertSequenceClassifier model;
    private final List<String> labels;
    private final TextTokenizer tokenizer;
    private final NDManager manager;
    private final ClassifierSettings settings;
    private final Optional<LexicalModel> lexical;

    private DjlTextClassifier(
            BertSequenceClassifier model,
            List<String> labels,
            TextTokenizer tokenizer,
            NDManager manager,
            ClassifierSettings settings,
            Optional<LexicalModel> lexical) {
        if (labels.size() != model.numLabels()) {
            throw new IllegalArgumentException(
                    labels.size() + " labels for a model with " + model.numLabels() + " outputs");
        }
        this.model = model;
        this.labels = List.copyOf(labels);
        this.tokenizer = tokenizer;
        this.manager = manager;
        this.settings = settings;
        this.lexical = lexical;
        model.prepareForInference(manager);
        warmUp();
    }

    /**
     * Loads a classifier folder ({@code config.json}, {@code model.safetensors}, {@code tokenizer.json},
     * optionally {@code labels.json} and {@code lexical.bin}) onto the configured device and warms it up.
     */
    public static DjlTextClassifier load(Path folder, ClassifierSettings settings) throws IOException {
        long start = System.nanoTime();
        Device device = requireAvailable(settings.djlDevice());
        ClassifierFolder meta = ClassifierFolder.read(folder);
        NDManager manager = NDManager.newBaseManager(device);
        try {
            BertSequenceClassifier model = BertCheckpoints.loadClassifier(
                    folder.resolve(ClassifierFolder.WEIGHTS),
                    meta.config(),
                    meta.labels().size(),
                    meta.pooling(),
                    manager);
            TextTokenizer tokenizer =
                    TextTokenizer.fromFile(folder.resolve(ClassifierFolder.TOKENIZER), settings.tokenizerConfig());
            Optional<LexicalModel> lexical = readLexical(folder, meta.labels().size());
            DjlTextClassifier classifier =
                    new DjlTextClassifier(model, meta.labels(), tokenizer, manager, settings, lexical);
            LOG.info(
                    "Loaded classifier {} on {} with labels {}{} in {} ms",
                    folder,
                    device,
                    meta.labels(),
                    lexical.map(l -> ", lexical fusion weight " + l.fusionWeight())
                            .orElse(""),
                    (System.nanoTime() - start) / 1_000_000);
            return classifier;
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Wraps a model already in memory (e.g. just fine-tuned), making it immutable and warming it up. The
     * classifier takes ownership: {@link #close()} closes the tokenizer and the manager holding the weights.
     */
    public static DjlTextClassifier of(
            BertSequenceClassifier model,
            List<String> labels,
            TextTokenizer tokenizer,
            NDManager manager,
            ClassifierSettings settings) {
        return new DjlTextClassifier(model, labels, tokenizer, manager, settings, Optional.empty());
    }

    private static Optional<LexicalModel> readLexical(Path folder, int labels) throws IOException {
        Path file = folder.resolve(LexicalModel.FILE);
        return Files.exists(file) ? Optional.of(LexicalModel.read(file, labels)) : Optional.empty();
    }

    @Override
    public List<Prediction> classify(List<String> texts) {
        return classifyAndEmbed(texts).stream()
                .map(EmbeddedPrediction::prediction)
                .toList();
    }

    @Override
    public List<EmbeddedPrediction> classifyAndEmbed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        TextWindows windows = tokenizer.windows(texts);
        WindowedLogits.Outputs outputs;
        try (NDManager scope = manager.newSubManager()) {
            outputs = WindowedLogits.withFeatures(
                    model, windows, settings.batchSize(), tokenizer.padId(), settings.windowPooling(), scope);
        }
        List<EmbeddedPrediction> predictions = new ArrayList<>(texts.size());
        for (int text = 0; text < texts.size(); text++) {
            float[] logits = outputs.logits()[text];
            if (lexical.isPresent()) {
                logits = lexical.get().fuse(logits, texts.get(text));
            }
            Prediction prediction = prediction(WindowedLogits.softmax(logits), windows.truncated(text));
            predictions.add(new EmbeddedPrediction(prediction, normalised(outputs.features()[text])));
        }
        return predictions;
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public void close() {
        tokenizer.close();
        manager.close();
    }

    private Prediction prediction(float[] probabilities, boolean truncated) {
        Map<String, Double> scores = new LinkedHashMap<>();
        int best = 0;
        for (int i = 0; i < labels.size(); i++) {
            scores.put(labels.get(i), (double) probabilities[i]);
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return new Prediction(labels.get(best), probabilities[best], scores, truncated);
    }

    /** The vector scaled to unit length (a zero vector stays zero). */
    private static float[] normalised(float[] vector) {
        double squares = 0;
        for (float value : vector) {
            squares += (double) value * value;
        }
        float[] unit = vector.clone();
        if (squares > 0) {
            float scale = (float) (1 / Math.sqrt(squares));
            for (int i = 0; i < unit.length; i++) {
                unit[i] *= scale;
            }
        }
        return unit;
    }

    private void warmUp() {
        List<String> texts = List.of("warm up", String.join(" ", Collections.nCopies(settings.maxLength(), "warm")));
        for (int run = 0; run < settings.warmupRuns(); run++) {
            classify(texts);
        }
    }

    private static Device requireAvailable(Device device) {
        if (device.isGpu() && device.getDeviceId() >= Engine.getInstance().getGpuCount()) {
            throw new IllegalArgumentException("device " + device + " requested but "
                    + Engine.getInstance().getGpuCount() + " GPU(s) visible to PyTorch (see model/README.md; DJL's"
                    + " logger ai.djl.util.cuda.CudaUtils at WARN says why it found none)");
        }
        return device;
    }
}
