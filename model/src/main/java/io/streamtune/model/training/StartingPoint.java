package io.streamtune.model.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamtune.model.artifact.ArtifactFiles;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.bert.BertCheckpoints;
import io.streamtune.model.bert.BertConfig;
import io.streamtune.model.bert.BertSequenceClassifier;
import io.streamtune.model.bert.Pooling;
import io.streamtune.model.tokenize.TextTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a fine-tuning run starts from: the pretrained all-MiniLM-L6-v2 base with a new head, or a
 * stored version. A version with the same labels keeps its head; with other labels only its encoder
 * is kept and a new head is drawn (seeded).
 */
public final class StartingPoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StoredVersion parent;

    private StartingPoint(StoredVersion parent) {
        this.parent = parent;
    }

    /**
     * @return the pretrained base
     */
    public static StartingPoint pretrained() {
        return new StartingPoint(null);
    }

    /**
     * @param parent a verified stored version
     * @return a start from that version
     */
    public static StartingPoint fromVersion(StoredVersion parent) {
        return new StartingPoint(parent);
    }

    /**
     * @return the version started from, empty for the pretrained base
     */
    public Optional<StoredVersion> parent() {
        return Optional.ofNullable(parent);
    }

    /**
     * Loads the classifier for the labels.
     *
     * @param labels the labels in output order
     * @param config the run's settings (pooling of a new head, seed)
     * @param manager owns the weights
     * @return the classifier, ready for {@link FineTuner}
     * @throws IOException if the version folder cannot be read
     */
    public BertSequenceClassifier loadClassifier(List<String> labels, FineTuneConfig config, NDManager manager)
            throws IOException {
        Engine.getInstance().setRandomSeed((int) config.seed());
        if (parent == null) {
            return BertCheckpoints.newClassifier(
                    BertCheckpoints.miniLm(manager), labels.size(), config.pooling(), manager);
        }
        Path folder = parent.folder();
        Path configFile = folder.resolve(ArtifactFiles.CONFIG);
        List<String> parentLabels = JSON.readerForListOf(String.class)
                .readValue(folder.resolve(ArtifactFiles.LABELS).toFile());
        if (parentLabels.equals(labels)) {
            Pooling pooling = Pooling.fromConfig(JSON.readTree(configFile.toFile()));
            return BertCheckpoints.loadClassifier(
                    folder.resolve(ArtifactFiles.WEIGHTS),
                    BertConfig.read(configFile),
                    labels.size(),
                    pooling,
                    manager);
        }
        return BertCheckpoints.newClassifier(
                BertCheckpoints.loadEncoder(folder, manager), labels.size(), config.pooling(), manager);
    }

    /**
     * Loads the tokenizer: the version's {@code tokenizer.json}, or MiniLM's.
     *
     * @param config the run's settings (maximum length)
     * @return the tokenizer
     * @throws IOException if it cannot be read
     */
    public TextTokenizer loadTokenizer(FineTuneConfig config) throws IOException {
        return parent == null
                ? TextTokenizer.miniLm(config.tokenizerConfig())
                : TextTokenizer.fromFile(parent.folder().resolve(ArtifactFiles.TOKENIZER), config.tokenizerConfig());
    }
}
