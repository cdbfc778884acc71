package io.streamtune.demo.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Accuracy over one window of consecutive events of the stream.
 *
 * @param from the first stream position of the window
 * @param to the position after the last one
 * @param correct events classified correctly
 * @param total events classified in the window
 * @param versions the model versions that classified them
 */
public record WindowAccuracy(int from, int to, int correct, int total, SortedSet<Long> versions) {

    public WindowAccuracy {
        versions = new TreeSet<>(versions);
    }

    public double accuracy() {
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    /**
     * Cuts the events into windows of {@code size} stream positions ({@code [0, size)}, {@code [size, 2 size)},
     * ...); a window no event fell in is left out, the last one may be shorter.
     */
    public static List<WindowAccuracy> of(List<ClassifiedEvent> events, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("window size must be at least 1, was " + size);
        }
        TreeMap<Integer, List<ClassifiedEvent>> byWindow = new TreeMap<>();
        for (ClassifiedEvent event : events) {
            byWindow.computeIfAbsent(event.seq() / size, key -> new ArrayList<>())
                    .add(event);
        }
        int last = events.stream().mapToInt(ClassifiedEvent::seq).max().orElse(-1);
        List<WindowAccuracy> windows = new ArrayList<>();
        byWindow.forEach((index, members) -> {
            int from = index * size;
            int correct =
                    (int) members.stream().filter(ClassifiedEvent::correct).count();
            TreeSet<Long> versions = new TreeSet<>();
            members.forEach(event -> versions.add(event.version()));
            windows.add(new WindowAccuracy(from, Math.min(from + size, last + 1), correct, members.size(), versions));
        });
        return windows;
    }

    /** The first stream position each version classified, in stream order: where it took over. */
    public static List<Takeover> takeovers(List<ClassifiedEvent> events) {
        TreeMap<Long, Integer> first = new TreeMap<>();
        events.forEach(event -> first.merge(event.version(), event.seq(), Math::min));
        return first.entrySet().stream()
                .map(entry -> new Takeover(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingInt(Takeover::seq))
                .toList();
    }

    /**
     * A version's first classified event.
     *
     * @param version the model version
     * @param seq the stream position of its first classification
     */
    public record Takeover(long version, int seq) {}
}
