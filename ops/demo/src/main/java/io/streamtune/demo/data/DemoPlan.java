package io.streamtune.demo.data;

import java.util.ArrayList;
import java.util.List;

/**
 * What the demo trains on first, what it streams, and what it tests on, taken from the data file's splits.
 * Version 1 learns from the first {@code bootstrapSize} examples of the {@code stream} split that belong to the
 * bootstrap domain (every domain when it is {@value #ALL_DOMAINS}); the stream is the rest of that split, in
 * order, cut to {@code events}.
 *
 * @param bootstrap the examples of version 1
 * @param stream the events to send, in order
 * @param test the {@code test} split, cut to the test size
 */
public record DemoPlan(List<LabelledText> bootstrap, List<LabelledText> stream, List<LabelledText> test) {

    /** The bootstrap domain value that takes examples of every domain. */
    public static final String ALL_DOMAINS = "all";

    public DemoPlan {
        bootstrap = List.copyOf(bootstrap);
        stream = List.copyOf(stream);
        test = List.copyOf(test);
    }

    /**
     * Splits the examples.
     *
     * @throws IllegalArgumentException when there are fewer bootstrap examples than asked for
     */
    public static DemoPlan of(
            List<LabelledText> examples, String bootstrapDomain, int bootstrapSize, int events, int testSize) {
        List<LabelledText> bootstrap = new ArrayList<>();
        List<LabelledText> stream = new ArrayList<>();
        List<LabelledText> test = new ArrayList<>();
        for (LabelledText example : examples) {
            if (example.split().equals("test")) {
                test.add(example);
            } else if (example.split().equals("stream")) {
                boolean domainFits =
                        bootstrapDomain.equals(ALL_DOMAINS) || example.domain().equals(bootstrapDomain);
                (domainFits && bootstrap.size() < bootstrapSize ? bootstrap : stream).add(example);
            }
        }
        if (bootstrap.size() < bootstrapSize) {
            throw new IllegalArgumentException("the stream split has only " + bootstrap.size() + " examples of domain "
                    + bootstrapDomain + ", fewer than the bootstrap size " + bootstrapSize);
        }
        return new DemoPlan(
                bootstrap,
                stream.subList(0, Math.min(events, stream.size())),
                test.subList(0, Math.min(testSize, test.size())));
    }
}
