package io.streamtune.quality.proxy;

import java.util.ArrayList;
import java.util.List;

/**
 * One proxy task for one seed.
 *
 * @param name the proxy's name, e.g. {@code six-class}
 * @param labels the classes, in model output order
 * @param seed the labelled examples the first version is bootstrapped on
 * @param stream the events streamed after bootstrap, in order
 * @param test the test split, never trained on
 */
public record ProxyData(
        String name, List<String> labels, List<ProxyEvent> seed, List<ProxyEvent> stream, List<ProxyEvent> test) {

    public ProxyData {
        labels = List.copyOf(labels);
        seed = List.copyOf(seed);
        stream = List.copyOf(stream);
        test = List.copyOf(test);
    }

    /** The same proxy streaming at most {@code events} events (the first ones); {@code events <= 0} keeps all. */
    public ProxyData withStreamCap(int events) {
        if (events <= 0 || events >= stream.size()) {
            return this;
        }
        return new ProxyData(name, labels, seed, stream.subList(0, events), test);
    }

    /** The seed and every streamed event, with their true labels. */
    public List<ProxyEvent> allLabelled() {
        List<ProxyEvent> all = new ArrayList<>(seed);
        all.addAll(stream);
        return all;
    }
}
