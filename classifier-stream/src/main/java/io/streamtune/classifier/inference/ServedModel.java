package io.streamtune.classifier.inference;

import java.util.List;

/**
 * The model version being served, as its callers may describe it.
 *
 * @param name the model's name
 * @param version the version served
 * @param labels the classes it chooses from, in its output order; empty when the model does not say
 */
public record ServedModel(String name, long version, List<String> labels) {

    public ServedModel {
        labels = List.copyOf(labels);
    }
}
