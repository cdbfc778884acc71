package io.streamtune.quality.proxy;

import java.util.Objects;

/**
 * One line of {@code data/uci_sentiment.jsonl}.
 *
 * @param id the record id ({@code site/index})
 * @param text the sentence
 * @param polarity {@code neg} or {@code pos}
 * @param domain {@code amazon}, {@code imdb} or {@code yelp}
 * @param split {@code stream} or {@code test}
 */
public record SourceSentence(String id, String text, String polarity, String domain, String split) {

    public static final String STREAM = "stream";
    public static final String TEST = "test";

    public SourceSentence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(polarity, "polarity");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(split, "split");
    }

    public boolean isStream() {
        return STREAM.equals(split);
    }

    public boolean isTest() {
        return TEST.equals(split);
    }
}
