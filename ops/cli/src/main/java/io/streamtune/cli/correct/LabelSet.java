package io.streamtune.cli.correct;

import java.util.List;
import java.util.Optional;

/**
 * The labels a correction may use, and where they come from (e.g. {@code sentiment v3}).
 *
 * @param labels the known labels, in model output order
 * @param origin what they are the labels of, for messages
 */
record LabelSet(List<String> labels, String origin) {

    /** The problem with a label, if it is not in the set: {@code unknown label 'x' (known: neg,pos)}. */
    Optional<String> problem(String label) {
        if (labels.contains(label)) {
            return Optional.empty();
        }
        return Optional.of("unknown label '" + label + "'");
    }

    String known() {
        return "(known: " + String.join(",", labels) + ")";
    }
}
