package io.streamtune.model.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamtune.model.bert.BertConfig;
import io.streamtune.model.bert.Pooling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a classifier folder says besides its weights: the BERT configuration, the labels (from {@code
 * labels.json}, else the {@code id2label} of {@code config.json}) and the pooling (the {@code pooling}
 * key of {@code config.json}).
 *
 * @param config the encoder configuration
 * @param labels the labels in output order
 * @param pooling how hidden states are pooled
 */
record ClassifierFolder(BertConfig config, List<String> labels, Pooling pooling) {

    static final String CONFIG = "config.json";
    static final String WEIGHTS = "model.safetensors";
    static final String TOKENIZER = "tokenizer.json";
    static final String LABELS = "labels.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    static ClassifierFolder read(Path folder) throws IOException {
        Path configFile = folder.resolve(CONFIG);
        JsonNode config = JSON.readTree(configFile.toFile());
        List<String> labels = readLabels(folder, config);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException(
                    folder + ": no labels in " + LABELS + " nor in the id2label of " + CONFIG);
        }
        return new ClassifierFolder(BertConfig.read(configFile), labels, Pooling.fromConfig(config));
    }

    private static List<String> readLabels(Path folder, JsonNode config) throws IOException {
        List<String> labels = new ArrayList<>();
        Path labelsFile = folder.resolve(LABELS);
        if (Files.exists(labelsFile)) {
            JSON.readTree(labelsFile.toFile()).forEach(label -> labels.add(label.asText()));
            return labels;
        }
        JsonNode id2label = config.path("id2label");
        for (int i = 0; i < id2label.size(); i++) {
            JsonNode label = id2label.get(Integer.toString(i));
            if (label == null) {
                throw new IllegalArgumentException(folder + ": id2label of " + CONFIG + " lacks id " + i);
            }
            labels.add(label.asText());
        }
        return labels;
    }
}
