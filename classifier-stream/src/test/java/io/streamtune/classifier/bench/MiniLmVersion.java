package io.streamtune.classifier.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.streamtune.model.artifact.ModelArtifact;
import io.streamtune.model.artifact.ModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.base.BuiltInBase;
import io.streamtune.model.bert.BertCheckpoints;
import io.streamtune.model.bert.BertSequenceClassifier;
import io.streamtune.model.bert.Pooling;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a full-size classifier version (pretrained MiniLM-L6 encoder, fresh 2-label head) into a model store. */
public final class MiniLmVersion {

    static final List<String> LABELS = List.of("neg", "pos");

    private MiniLmVersion() {}

    public static StoredVersion write(ModelStore store, String modelName, long version) throws IOException {
        Path scratch = Files.createTempDirectory("minilm-version");
        Engine.getInstance().setRandomSeed(7);
        Path weights = scratch.resolve("model.safetensors");
        BertSequenceClassifier model;
        try (NDManager manager = NDManager.newBaseManager()) {
            model = BertCheckpoints.newClassifier(
                    BuiltInBase.ALL_MINILM_L6_V2.loadEncoder(manager), LABELS.size(), Pooling.MEAN, manager);
            BertCheckpoints.saveClassifier(model, weights);
        }
        Path tokenizer = scratch.resolve("tokenizer.json");
        try (InputStream in = BuiltInBase.ALL_MINILM_L6_V2.openTokenizer()) {
            Files.copy(in, tokenizer);
        }
        return store.put(ModelArtifact.builder()
                .setModelName(modelName)
                .setVersion(version)
                .setLabels(LABELS)
                .setConfig(model.hfConfig(LABELS))
                .setWeights(out -> Files.copy(weights, out))
                .setTokenizerFile(tokenizer)
                .build());
    }
}
