package io.streamtune.model.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Makes a HuggingFace BERT {@code config.json} that of a {@code BertForSequenceClassification}
 * with the given labels, so {@code AutoModelForSequenceClassification.from_pretrained} loads it.
 */
final class ClassifierConfigJson {

    static final String ARCHITECTURE = "BertForSequenceClassification";

    private ClassifierConfigJson() {}

    static ObjectNode withLabels(ObjectNode config, List<String> labels) {
        ObjectNode json = config.deepCopy();
        if (!json.path("model_type").asText("bert").equals("bert")) {
            throw new IllegalArgumentException("config model_type must be bert, was " + json.get("model_type"));
        }
        json.put("model_type", "bert");
        json.putArray("architectures").add(ARCHITECTURE);
        checkOrPut(json, "id2label", labels, true);
        checkOrPut(json, "label2id", labels, false);
        if (!json.has("problem_type")) {
            json.put("problem_type", "single_label_classification");
        }
        return json;
    }

    private static void checkOrPut(ObjectNode json, String key, List<String> labels, boolean byId) {
        ObjectNode expected = json.objectNode();
        for (int i = 0; i < labels.size(); i++) {
            if (byId) {
                expected.put(Integer.toString(i), labels.get(i));
            } else {
                expected.put(labels.get(i), i);
            }
        }
        JsonNode present = json.get(key);
        if (present != null && !present.equals(expected)) {
            throw new IllegalArgumentException(
                    "config " + key + " " + present + " does not match the labels " + labels);
        }
        json.set(key, expected);
    }
}
