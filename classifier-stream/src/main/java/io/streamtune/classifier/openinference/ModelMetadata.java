package io.streamtune.classifier.openinference;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamtune.classifier.inference.ServedModel;

/**
 * Builds the protocol's model metadata of the served version: name, versions (the one served), platform, the
 * {@code text} input and the outputs with their datatypes and shapes, and in {@code parameters} the labels, the
 * served version and the longest token window.
 */
final class ModelMetadata {

    static final String PLATFORM = "djl_pytorch";

    private ModelMetadata() {}

    static String json(ServedModel served, int maxLength) {
        ObjectNode metadata = Json.object().put("name", served.name());
        metadata.putArray("versions").add(String.valueOf(served.version()));
        metadata.put("platform", PLATFORM);
        ObjectNode input = metadata.putArray("inputs")
                .addObject()
                .put("name", InferenceOutput.INPUT_NAME)
                .put("datatype", InferenceOutput.INPUT_DATATYPE);
        input.putArray("shape").add(-1);
        ArrayNode outputs = metadata.putArray("outputs");
        for (InferenceOutput output : InferenceOutput.values()) {
            ArrayNode shape = outputs.addObject()
                    .put("name", output.wireName())
                    .put("datatype", output.datatype())
                    .putArray("shape")
                    .add(-1);
            if (output == InferenceOutput.SCORES) {
                shape.add(served.labels().isEmpty() ? -1 : served.labels().size());
            }
        }
        ObjectNode parameters = metadata.putObject("parameters");
        served.labels().forEach(parameters.putArray("labels")::add);
        parameters.put("served_version", served.version());
        parameters.put("max_length", maxLength);
        return Json.write(metadata);
    }
}
