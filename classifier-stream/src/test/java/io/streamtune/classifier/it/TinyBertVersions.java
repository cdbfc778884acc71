package io.streamtune.classifier.it;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.streamtune.classifier.engine.EngineModelLoader;
import io.streamtune.model.artifact.ArtifactContent;
import io.streamtune.model.artifact.ModelArtifact;
import io.streamtune.model.artifact.ModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.base.BuiltInBase;
import io.streamtune.model.bert.BertCheckpoints;
import io.streamtune.model.bert.BertConfig;
import io.streamtune.model.bert.BertEncoder;
import io.streamtune.model.bert.BertSequenceClassifier;
import io.streamtune.model.bert.Pooling;
import io.streamtune.model.classify.ClassifierSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes real, tiny BERT classifier versions (2 layers, hidden 32, MiniLM's vocabulary and tokenizer, random
 * weights from a seed) into a model store with the model module's own artifact writer.
 */
final class TinyBertVersions {

    static final List<String> LABELS = List.of("negative", "positive");
    private static final BertConfig TINY = new BertConfig(30_522, 32, 2, 2, 64, 512, 2, 1e-12, 0.1, 0.1);

    private TinyBertVersions() {}

    static StoredVersion write(ModelStore store, String modelName, long version) throws IOException {
        Path scratch = Files.createTempDirectory("tiny-bert");
        Engine.getInstance().setRandomSeed((int) version);
        Path weights = scratch.resolve("model.safetensors");
        BertSequenceClassifier model;
        try (NDManager manager = NDManager.newBaseManager()) {
            model = BertCheckpoints.newClassifier(new BertEncoder(TINY), LABELS.size(), Pooling.MEAN, manager);
            BertCheckpoints.saveClassifier(model, weights);
        }
        Path tokenizer = scratch.resolve("tokenizer.json");
        try (InputStream in = BuiltInBase.ALL_MINILM_L6_V2.openTokenizer()) {
            Files.copy(in, tokenizer);
        }
        ModelArtifact artifact = ModelArtifact.builder()
                .setModelName(modelName)
                .setVersion(version)
                .setLabels(LABELS)
                .setConfig(model.hfConfig(LABELS))
                .setWeights(ArtifactContent.ofBytes(Files.readAllBytes(weights)))
                .setTokenizerFile(tokenizer)
                .optMetrics(Map.of("accuracy", 0.5))
                .build();
        return store.put(artifact);
    }

    /** A loader for these versions as the tests run them: windows of 32 tokens, batches of 16. */
    static EngineModelLoader loader(ModelStore store) {
        return new EngineModelLoader(
                store, ClassifierSettings.defaults().withMaxLength(32).withBatchSize(16));
    }

    /** Changes one byte in the middle of a stored version's weights, as a bad disk or copy would. */
    static void corruptOneByte(StoredVersion stored) throws IOException {
        Path weights = stored.folder().resolve("model.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length / 2] ^= 0x01;
        weights.toFile().setWritable(true);
        Files.write(weights, bytes);
    }
}
