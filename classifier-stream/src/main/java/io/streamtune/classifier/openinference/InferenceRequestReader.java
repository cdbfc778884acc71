package io.streamtune.classifier.openinference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.classifier.config.InferenceHttpKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and checks the JSON body of an infer request: one input named {@value InferenceOutput#INPUT_NAME} of
 * datatype BYTES whose shape holds as many elements as its data (flat or nested), every element a string within the
 * stream's text limit, at most the configured number of texts. Anything else is refused with the field named.
 */
final class InferenceRequestReader {

    private final InferenceLimits limits;

    InferenceRequestReader(InferenceLimits limits) {
        this.limits = limits;
    }

    /** @throws RequestRefused with 400 or 413 and the reason */
    InferenceRequest read(byte[] body) {
        JsonNode root = parse(body);
        if (!root.isObject()) {
            throw RequestRefused.badRequest("the request body must be a JSON object");
        }
        JsonNode input = onlyInput(root.get("inputs"));
        List<String> texts = texts(input);
        return new InferenceRequest(id(root.get("id")), texts, outputs(root.get("outputs")));
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw RequestRefused.badRequest("the request body is empty; expected a JSON object with 'inputs'");
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw RequestRefused.badRequest("the request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RequestRefused.badRequest("the request body could not be read: " + e.getMessage());
        }
    }

    private static JsonNode onlyInput(JsonNode inputs) {
        if (inputs == null || inputs.isNull()) {
            throw RequestRefused.badRequest("'inputs' is missing");
        }
        if (!inputs.isArray() || inputs.size() != 1) {
            throw RequestRefused.badRequest(
                    "'inputs' must be an array of exactly one input named '" + InferenceOutput.INPUT_NAME + "'");
        }
        JsonNode input = inputs.get(0);
        if (!input.isObject()) {
            throw RequestRefused.badRequest("inputs[0] must be an object with name, datatype, shape and data");
        }
        String name = input.path("name").asText(null);
        if (!InferenceOutput.INPUT_NAME.equals(name)) {
            throw RequestRefused.badRequest(
                    "inputs[0].name must be '" + InferenceOutput.INPUT_NAME + "', not " + input.path("name"));
        }
        if (!InferenceOutput.INPUT_DATATYPE.equals(input.path("datatype").asText(null))) {
            throw RequestRefused.badRequest("inputs[0].datatype must be '" + InferenceOutput.INPUT_DATATYPE + "', not "
                    + input.path("datatype"));
        }
        return input;
    }

    private List<String> texts(JsonNode input) {
        long elements = elementsOf(input.get("shape"));
        JsonNode data = input.get("data");
        if (data == null || !data.isArray()) {
            throw RequestRefused.badRequest("inputs[0].data must be an array of strings");
        }
        List<String> texts = new ArrayList<>();
        flatten(data, texts);
        if (texts.isEmpty()) {
            throw RequestRefused.badRequest("inputs[0].data is empty; give at least one text");
        }
        if (texts.size() != elements) {
            throw RequestRefused.badRequest("inputs[0].shape " + input.get("shape") + " holds " + elements
                    + " elements but data has " + texts.size());
        }
        checkLimits(texts);
        return texts;
    }

    private static long elementsOf(JsonNode shape) {
        if (shape == null || !shape.isArray() || shape.isEmpty()) {
            throw RequestRefused.badRequest("inputs[0].shape must be a non-empty array of sizes, e.g. [2]");
        }
        long elements = 1;
        for (JsonNode size : shape) {
            if (!size.canConvertToLong() || !size.isIntegralNumber() || size.asLong() < 0) {
                throw RequestRefused.badRequest("inputs[0].shape must hold non-negative integers, not " + shape);
            }
            long length = size.asLong();
            if (length > 0 && elements > Long.MAX_VALUE / length) {
                throw RequestRefused.badRequest("inputs[0].shape " + shape + " holds more elements than can be");
            }
            elements *= length;
        }
        return elements;
    }

    private void flatten(JsonNode data, List<String> texts) {
        for (JsonNode element : data) {
            if (element.isArray()) {
                flatten(element, texts);
            } else if (element.isTextual()) {
                texts.add(element.asText());
                if (texts.size() > limits.maxTexts()) {
                    throw tooManyTexts();
                }
            } else {
                throw RequestRefused.badRequest("inputs[0].data[" + texts.size() + "] must be a string, not "
                        + element.getNodeType().name().toLowerCase(Locale.ROOT));
            }
        }
    }

    private RequestRefused tooManyTexts() {
        return RequestRefused.tooLarge("more than " + limits.maxTexts() + " texts in one request (the limit "
                + InferenceHttpKeys.MAX_TEXTS + ")");
    }

    private void checkLimits(List<String> texts) {
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text.length() * 3L > limits.textMaxBytes()) {
                int bytes = text.getBytes(StandardCharsets.UTF_8).length;
                if (bytes > limits.textMaxBytes()) {
                    throw RequestRefused.tooLarge("inputs[0].data[" + i + "] has " + bytes
                            + " UTF-8 bytes, more than the limit of " + limits.textMaxBytes() + " ("
                            + ClassifierConfig.TEXT_MAX_BYTES + ")");
                }
            }
        }
    }

    private static Optional<String> id(JsonNode id) {
        if (id == null || id.isNull()) {
            return Optional.empty();
        }
        if (!id.isTextual()) {
            throw RequestRefused.badRequest("'id' must be a string");
        }
        return Optional.of(id.asText());
    }

    private static Set<InferenceOutput> outputs(JsonNode requested) {
        if (requested == null || requested.isNull()) {
            return EnumSet.allOf(InferenceOutput.class);
        }
        if (!requested.isArray() || requested.isEmpty()) {
            throw RequestRefused.badRequest("'outputs' must be a non-empty array of {\"name\": ...}, or absent");
        }
        Set<InferenceOutput> outputs = EnumSet.noneOf(InferenceOutput.class);
        for (JsonNode output : requested) {
            String name = output.path("name").asText(null);
            outputs.add(InferenceOutput.byName(name)
                    .orElseThrow(() -> RequestRefused.badRequest(
                            "unknown output " + output.path("name") + "; the outputs are " + InferenceOutput.names())));
        }
        return outputs;
    }
}
