package io.streamtune.quality.loop;

import java.util.List;
import java.util.Objects;

/**
 * One classification by the version in service, as the classifier answers it.
 *
 * @param label the predicted label
 * @param probabilities every class's probability (softmax of the fused logits), in label order
 */
record Classified(String label, List<Double> probabilities) {

    Classified {
        Objects.requireNonNull(label, "label");
        probabilities = List.copyOf(probabilities);
    }
}
