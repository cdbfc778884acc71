package io.streamtune.model.bert;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** Refuses {@code config.json} files describing something other than the BERT this encoder computes. */
final class BertConfigChecks {

    private static final Set<String> ACTIVATIONS = Set.of("gelu");
    private static final Set<String> ARCHITECTURES = Set.of(
            "BertModel",
            "BertForSequenceClassification",
            "BertForMaskedLM",
            "BertForPreTraining",
            "BertForTokenClassification",
            "BertForNextSentencePrediction",
            "BertForMultipleChoice",
            "BertForQuestionAnswering");

    private BertConfigChecks() {}

    static void requireSupported(JsonNode json, String source) {
        String modelType = json.path("model_type").asText("");
        if (!"bert".equals(modelType)) {
            throw new IllegalArgumentException(
                    source + ": unsupported model_type '" + modelType + "'; only 'bert' is supported");
        }
        for (JsonNode architecture : json.path("architectures")) {
            if (!ARCHITECTURES.contains(architecture.asText())) {
                throw new IllegalArgumentException(source + ": unsupported architecture '" + architecture.asText()
                        + "'; supported: " + ARCHITECTURES);
            }
        }
        String activation = json.path("hidden_act").asText("gelu");
        if (!ACTIVATIONS.contains(activation)) {
            throw new IllegalArgumentException(
                    source + ": unsupported hidden_act '" + activation + "'; only 'gelu' (erf form) is supported");
        }
        String positions = json.path("position_embedding_type").asText("absolute");
        if (!"absolute".equals(positions)) {
            throw new IllegalArgumentException(
                    source + ": unsupported position_embedding_type '" + positions + "'; only 'absolute' is supported");
        }
    }
}
