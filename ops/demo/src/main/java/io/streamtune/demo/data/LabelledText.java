package io.streamtune.demo.data;

import java.util.Objects;

/**
 * One line of the sentiment data file.
 *
 * @param id the example's id, unique in the file (e.g. {@code yelp/0649})
 * @param text the sentence
 * @param label its true label
 * @param domain where it comes from ({@code amazon}, {@code imdb}, {@code yelp})
 * @param split {@code stream} or {@code test}
 * @param order its place in the stream
 */
public record LabelledText(String id, String text, String label, String domain, String split, int order) {

    public LabelledText {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(split, "split");
    }
}
