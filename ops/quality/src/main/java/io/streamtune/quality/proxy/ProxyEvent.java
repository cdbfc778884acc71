package io.streamtune.quality.proxy;

import io.streamtune.trainer.round.Example;
import java.util.List;
import java.util.Objects;

/**
 * One labelled event of a proxy.
 *
 * @param id the event id, unique and stable ({@code <proxy>/...}); the trainer's holdout hashes it
 * @param text the text
 * @param label the true label
 * @param sources the ids of the sentences the text is made of
 */
public record ProxyEvent(String id, String text, String label, List<String> sources) {

    public ProxyEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        sources = List.copyOf(sources);
    }

    /** The event as a training example with its true label. */
    public Example toExample() {
        return new Example(id, text, label);
    }
}
