package io.streamtune.review.queue;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an annotator asked to see: a predicted label, a model version, words in the text. Each is optional.
 *
 * @param text words the text must contain, case-insensitively
 */
public record ItemFilter(Optional<String> predictedLabel, OptionalLong modelVersion, Optional<String> text) {

    /** No condition. */
    public static final ItemFilter NONE = new ItemFilter(Optional.empty(), OptionalLong.empty(), Optional.empty());

    public ItemFilter {
        text = text.map(t -> t.trim().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty());
        predictedLabel = predictedLabel.map(String::trim).filter(l -> !l.isEmpty());
    }

    boolean accepts(ReviewItem item) {
        return predictedLabel.map(item.predictedLabel()::equals).orElse(true)
                && (modelVersion.isEmpty() || modelVersion.getAsLong() == item.modelVersion())
                && text.map(t -> item.text().toLowerCase(Locale.ROOT).contains(t))
                        .orElse(true);
    }
}
