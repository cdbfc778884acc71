package io.streamtune.model.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamtune.model.artifact.ArtifactFiles;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.base.BuiltInBase;
import io.streamtune.model.bert.BertCheckpoints;
import io.streamtune.model.bert.BertConfig;
import io.streamtune.model.bert.BertSequenceClassifier;
import io.streamtune.model.bert.BertWeights;
import io.streamtune.model.bert.GradientMode;
import io.streamtune.model.bert.Pooling;
import io.streamtune.model.tokenize.TextTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a fine-tuning run starts from: a pretrained {@link BuiltInBase} with a new head, a stored version, or
 * a HuggingFace BERT checkpoint folder brought by the user. A version, or a {@code BertForSequenceClassification}
 * checkpoint, with the same labels keeps its head; one whose labels are the first of the run's (labels were added)
 * keeps its head rows for them and draws rows for the new ones; otherwise only its encoder is kept and a new head is
 * drawn (seeded). The tokenizer comes from the same place as the weights.
 */
public final class StartingPoint {

    /** The files a checkpoint folder must hold. */
    public static final List<String> CHECKPOINT_FILES =
            List.of(ArtifactFiles.CONFIG, ArtifactFiles.WEIGHTS, ArtifactFiles.TOKENIZER);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLASSIFIER_ARCHITECTURE = "BertForSequenceClassification";
    private static final String HEAD_WEIGHT = "classifier.weight";
    private static final String HEAD_BIAS = "classifier.bias";

    private final StoredVersion parent;
    private final Path checkpoint;
    private final BuiltInBase base;

    private StartingPoint(StoredVersion parent, Path checkpoint, BuiltInBase base) {
        this.parent = parent;
        this.checkpoint = checkpoint;
        this.base = base;
    }

    /**
     * @return the default pretrained base, {@link BuiltInBase#DEFAULT}
     */
    public static StartingPoint pretrained() {
        return pretrained(BuiltInBase.DEFAULT);
    }

    /**
     * A start from a built-in base: its encoder with a new head, and its tokenizer.
     *
     * @param base the base
     * @return a start from that base
     */
    public static StartingPoint pretrained(BuiltInBase base) {
        return new StartingPoint(null, null, Objects.requireNonNull(base, "base"));
    }

    /**
     * @param parent a verified stored version
     * @return a start from that version
     */
    public static StartingPoint fromVersion(StoredVersion parent) {
        return new StartingPoint(parent, null, null);
    }

    /**
     * A start from a HuggingFace BERT folder: {@code config.json}, {@code model.safetensors} and {@code
     * tokenizer.json}. An encoder checkpoint ({@code BertModel}, or a {@code BertFor...} task model) gets a new
     * head; a {@code BertForSequenceClassification} whose {@code id2label} lists the run's labels in order keeps
     * its head. The new version's {@code tokenizer.json} is the checkpoint's.
     *
     * @param folder the checkpoint folder
     * @return a start from that checkpoint
     * @throws IllegalArgumentException naming the folder and file when a file is missing, or the configuration
     *     when it is not a supported BERT (model type, architecture, activation, position embeddings)
     * @throws IOException if {@code config.json} cannot be read
     */
    public static StartingPoint fromCheckpoint(Path folder) throws IOException {
        requireCheckpointFiles(folder);
        BertConfig.read(folder.resolve(ArtifactFiles.CONFIG));
        return new StartingPoint(null, folder, null);
    }

    /**
     * Refuses a folder that is not a directory holding {@link #CHECKPOINT_FILES}.
     *
     * @throws IllegalArgumentException naming the folder and the first missing file
     */
    public static void requireCheckpointFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Checkpoint folder " + folder + " does not exist or is not a folder");
        }
        for (String file : CHECKPOINT_FILES) {
            if (!Files.isRegularFile(folder.resolve(file))) {
                throw new IllegalArgumentException(
                        "Checkpoint folder " + folder + " has no " + file + " (it needs " + CHECKPOINT_FILES + ")");
            }
        }
    }

    /**
     * @return the version started from, empty for the pretrained base or a checkpoint
     */
    public Optional<StoredVersion> parent() {
        return Optional.ofNullable(parent);
    }

    /**
     * @return the checkpoint folder started from, empty for the pretrained base or a version
     */
    public Optional<Path> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }

    /**
     * @return the built-in base started from, empty for a version or a checkpoint
     */
    public Optional<BuiltInBase> base() {
        return Optional.ofNullable(base);
    }

    /**
     * Loads the classifier for the labels.
     *
     * @param labels the labels in output order
     * @param config the run's settings (pooling of a new head, seed)
     * @param manager owns the weights
     * @return the classifier, ready for {@link FineTuner}
     * @throws IOException if the version or checkpoint folder cannot be read
     */
    public BertSequenceClassifier loadClassifier(List<String> labels, FineTuneConfig config, NDManager manager)
            throws IOException {
        Engine.getInstance().setRandomSeed((int) config.seed());
        Path folder = folder();
        if (folder == null) {
            return BertCheckpoints.newClassifier(base.loadEncoder(manager), labels.size(), config.pooling(), manager);
        }
        Path configFile = folder.resolve(ArtifactFiles.CONFIG);
        JsonNode json = JSON.readTree(configFile.toFile());
        List<String> head = headLabels(folder, json);
        Pooling pooling = parent != null || json.has(Pooling.CONFIG_KEY) ? Pooling.fromConfig(json) : config.pooling();
        if (head.equals(labels)) {
            return BertCheckpoints.loadClassifier(
                    folder.resolve(ArtifactFiles.WEIGHTS),
                    BertConfig.read(configFile),
                    labels.size(),
                    pooling,
                    manager);
        }
        BertSequenceClassifier grown = BertCheckpoints.newClassifier(
                BertCheckpoints.loadEncoder(folder, manager),
                labels.size(),
                parent != null ? pooling : config.pooling(),
                manager);
        if (!head.isEmpty()
                && head.size() < labels.size()
                && labels.subList(0, head.size()).equals(head)) {
            keepHeadRows(folder.resolve(ArtifactFiles.WEIGHTS), grown, head.size(), manager);
        }
        return grown;
    }

    /** Copies the first {@code rows} rows of the folder's head into a wider new head (labels were added). */
    private static void keepHeadRows(Path weights, BertSequenceClassifier grown, int rows, NDManager manager)
            throws IOException {
        try (NDManager scope = manager.newSubManager()) {
            Map<String, NDArray> saved = BertWeights.readSafetensors(weights, scope);
            for (String name : List.of(HEAD_WEIGHT, HEAD_BIAS)) {
                NDArray target = grown.namedParameters().get(name).getArray();
                float[] values = target.toFloatArray();
                float[] kept = saved.get(name).toFloatArray();
                if (kept.length != values.length / grown.numLabels() * rows) {
                    throw new IllegalStateException(name + " of " + weights + " does not have " + rows + " rows");
                }
                System.arraycopy(kept, 0, values, 0, kept.length);
                GradientMode.withoutGradients(() -> target.set(values));
            }
        }
    }

    /**
     * Whether {@link #loadClassifier} keeps a trained head for these labels (a version or a classifier checkpoint
     * with the same labels in the same order) instead of drawing a new one.
     *
     * @param labels the labels in output order
     * @return true when the head is kept
     * @throws IOException if the folder's configuration cannot be read
     */
    public boolean keepsHeadFor(List<String> labels) throws IOException {
        Path folder = folder();
        return folder != null
                && headLabels(
                                folder,
                                JSON.readTree(
                                        folder.resolve(ArtifactFiles.CONFIG).toFile()))
                        .equals(labels);
    }

    /**
     * Loads the tokenizer: the version's or checkpoint's {@code tokenizer.json}, or the built-in base's.
     *
     * @param config the run's settings (maximum length)
     * @return the tokenizer
     * @throws IOException if it cannot be read
     */
    public TextTokenizer loadTokenizer(FineTuneConfig config) throws IOException {
        Path folder = folder();
        return folder == null
                ? base.loadTokenizer(config.tokenizerConfig())
                : TextTokenizer.fromFile(folder.resolve(ArtifactFiles.TOKENIZER), config.tokenizerConfig());
    }

    @Override
    public String toString() {
        if (parent != null) {
            return "version " + parent.version();
        }
        return checkpoint != null ? "checkpoint " + checkpoint : "the built-in " + base.displayName();
    }

    private Path folder() {
        return parent != null ? parent.folder() : checkpoint;
    }

    /** The labels of the folder's head, in output order; empty when it has none. */
    private List<String> headLabels(Path folder, JsonNode config) throws IOException {
        if (parent != null) {
            return JSON.readerForListOf(String.class)
                    .readValue(folder.resolve(ArtifactFiles.LABELS).toFile());
        }
        boolean classifier = false;
        for (JsonNode architecture : config.path("architectures")) {
            classifier |= CLASSIFIER_ARCHITECTURE.equals(architecture.asText());
        }
        return classifier ? id2label(config.path("id2label")) : List.of();
    }

    /** {@code {"0": "neg", "1": "pos"}} as {@code [neg, pos]}; empty when the ids are not 0..n-1. */
    private static List<String> id2label(JsonNode id2label) {
        String[] labels = new String[id2label.size()];
        for (int i = 0; i < labels.length; i++) {
            JsonNode label = id2label.get(Integer.toString(i));
            if (label == null) {
                return List.of();
            }
            labels[i] = label.asText();
        }
        return List.of(labels);
    }
}
