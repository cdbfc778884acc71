package io.streamtune.classifier.openinference;

import java.util.Arrays;
import java.util.Optional;

/** The output tensors of an infer response, one value per text (the scores one row per text). */
enum InferenceOutput {
    LABEL("label", "BYTES"),
    CONFIDENCE("confidence", "FP32"),
    SCORES("scores", "FP32"),
    LABEL_SOURCE("label_source", "BYTES"),
    TRUNCATED("truncated", "BOOL");

    /** The one input tensor: the texts, as BYTES. */
    static final String INPUT_NAME = "text";

    static final String INPUT_DATATYPE = "BYTES";

    private final String wireName;
    private final String datatype;

    InferenceOutput(String wireName, String datatype) {
        this.wireName = wireName;
        this.datatype = datatype;
    }

    String wireName() {
        return wireName;
    }

    String datatype() {
        return datatype;
    }

    static Optional<InferenceOutput> byName(String name) {
        return Arrays.stream(values())
                .filter(output -> output.wireName.equals(name))
                .findFirst();
    }

    /** The output names, for a message. */
    static String names() {
        return String.join(
                ", ", Arrays.stream(values()).map(InferenceOutput::wireName).toList());
    }
}
