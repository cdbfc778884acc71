package io.streamtune.trainer.tuning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamtune.model.base.BuiltInBase;
import io.streamtune.model.bert.BertCheckpoints;
import io.streamtune.model.bert.BertConfig;
import io.streamtune.model.bert.BertEncoder;
import io.streamtune.model.tokenize.TextTokenizer;
import io.streamtune.model.training.FineTuneConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HuggingFace checkpoint folders for tests, made from the bundled MiniLM. */
public final class CheckpointFolders {

    private static final Pattern LAYER = Pattern.compile("encoder\\.layer\\.(\\d+)\\..*");

    private CheckpointFolders() {}

    /**
     * A {@code BertModel} folder: MiniLM's encoder cut to its first layers (parameter names without {@code
     * bert.}), its config, and MiniLM's tokenizer re-indented (the same tokenizer in bytes of its own).
     */
    public static Path miniLmEncoder(Path folder, int layers) throws IOException {
        Files.createDirectories(folder);
        try (NDManager manager = NDManager.newBaseManager()) {
            BertEncoder encoder = BuiltInBase.ALL_MINILM_L6_V2.loadEncoder(manager);
            BertConfig full = encoder.config();
            BertConfig cut = new BertConfig(
                    full.vocabSize(),
                    full.hiddenSize(),
                    layers,
                    full.numAttentionHeads(),
                    full.intermediateSize(),
                    full.maxPositionEmbeddings(),
                    full.typeVocabSize(),
                    full.layerNormEps(),
                    full.hiddenDropoutProb(),
                    full.attentionProbsDropoutProb());
            Files.writeString(
                    folder.resolve(BertCheckpoints.CONFIG_FILE), cut.toJson().toString());
            NDList weights = new NDList();
            for (Map.Entry<String, Parameter> parameter :
                    encoder.namedParameters().entrySet()) {
                Matcher layer = LAYER.matcher(parameter.getKey());
                if (!layer.matches() || Integer.parseInt(layer.group(1)) < layers) {
                    NDArray array = parameter.getValue().getArray();
                    array.setName(parameter.getKey());
                    weights.add(array);
                }
            }
            try (OutputStream out = Files.newOutputStream(folder.resolve(BertCheckpoints.WEIGHTS_FILE))) {
                weights.encode(out, NDList.Encoding.SAFETENSORS);
            }
        }
        ByteArrayOutputStream tokenizer = new ByteArrayOutputStream();
        try (TextTokenizer miniLm = BuiltInBase.ALL_MINILM_L6_V2.loadTokenizer(
                FineTuneConfig.defaults().tokenizerConfig())) {
            miniLm.writeTokenizerJson(tokenizer);
        }
        ObjectMapper json = new ObjectMapper();
        Files.writeString(
                folder.resolve("tokenizer.json"),
                json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(tokenizer.toByteArray())));
        return folder;
    }
}
