package io.streamtune.classifier.openinference;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A valid infer request: the texts of its {@code text} input, in order, with the request's id and the outputs asked
 * for.
 *
 * @param id the client's request id, echoed in the response, if it gave one
 * @param texts at least one text
 * @param outputs the outputs to answer with; every one when the request names none
 */
record InferenceRequest(Optional<String> id, List<String> texts, Set<InferenceOutput> outputs) {

    InferenceRequest {
        texts = List.copyOf(texts);
        outputs = Set.copyOf(outputs);
    }
}
