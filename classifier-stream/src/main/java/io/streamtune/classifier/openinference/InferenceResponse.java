package io.streamtune.classifier.openinference;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamtune.classifier.inference.ClassifiedBatch;
import io.streamtune.classifier.inference.Prediction;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the JSON of an infer response from the batch the classifier answered: the model's name and the version that
 * decided, the request's id, and the asked outputs in the protocol's tensor form ({@code name}, {@code datatype},
 * {@code shape}, flat row-major {@code data}). The scores are one row per text with the class of each column in the
 * output's {@code parameters.classes}; {@code label_source} says {@code MODEL} or {@code MEMORY} (the correction
 * memory) as the stream's classification record does.
 */
final class InferenceResponse {

    private InferenceResponse() {}

    /**
     * @param labels the served model's labels in its output order, used as the score columns when they are the
     *     predictions' classes (else the classes sorted by name)
     */
    static String json(InferenceRequest request, String id, ClassifiedBatch batch, List<String> labels) {
        List<Prediction> predictions = batch.predictions();
        ObjectNode response = Json.object()
                .put("model_name", batch.modelName())
                .put("model_version", String.valueOf(batch.modelVersion()))
                .put("id", id);
        ArrayNode outputs = response.putArray("outputs");
        List<String> classes = classes(predictions, labels);
        for (InferenceOutput output : InferenceOutput.values()) {
            if (request.outputs().contains(output)) {
                ObjectNode tensor = tensor(outputs, output, predictions.size());
                switch (output) {
                    case LABEL -> fill(tensor, predictions, (p, data) -> data.add(p.label()));
                    case CONFIDENCE -> fill(tensor, predictions, (p, data) -> data.add((float) p.confidence()));
                    case LABEL_SOURCE ->
                        fill(tensor, predictions, (p, data) -> data.add(p.fromMemory() ? "MEMORY" : "MODEL"));
                    case TRUNCATED -> fill(tensor, predictions, (p, data) -> data.add(p.truncated()));
                    case SCORES -> scores(tensor, predictions, classes);
                }
            }
        }
        return Json.write(response);
    }

    private static ObjectNode tensor(ArrayNode outputs, InferenceOutput output, int rows) {
        ObjectNode tensor = outputs.addObject().put("name", output.wireName()).put("datatype", output.datatype());
        tensor.putArray("shape").add(rows);
        return tensor;
    }

    private interface Cell {
        void add(Prediction prediction, ArrayNode data);
    }

    private static void fill(ObjectNode tensor, List<Prediction> predictions, Cell cell) {
        ArrayNode data = tensor.putArray("data");
        predictions.forEach(prediction -> cell.add(prediction, data));
    }

    private static void scores(ObjectNode tensor, List<Prediction> predictions, List<String> classes) {
        ((ArrayNode) tensor.get("shape")).add(classes.size());
        ArrayNode names = tensor.putObject("parameters").putArray("classes");
        classes.forEach(names::add);
        ArrayNode data = tensor.putArray("data");
        for (Prediction prediction : predictions) {
            Map<String, Double> scores = prediction.scores();
            classes.forEach(label -> data.add(scores.getOrDefault(label, 0.0).floatValue()));
        }
    }

    static List<String> classes(List<Prediction> predictions, List<String> labels) {
        Set<String> scored = predictions.get(0).scores().keySet();
        if (!labels.isEmpty() && new HashSet<>(labels).equals(scored) && labels.size() == scored.size()) {
            return labels;
        }
        return scored.stream().sorted().toList();
    }
}
