package io.streamtune.quality.loop;

import java.util.ArrayList;
import java.util.List;

/** Counts streamed events into windows of a fixed size (the last one may be shorter). */
final class StreamWindows {

    private final int size;
    private final List<StreamWindow> closed = new ArrayList<>();
    private int first;
    private int events;
    private int correct;
    private int corrections;
    private long version;

    StreamWindows(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("the window must hold at least one event: " + size);
        }
        this.size = size;
    }

    /** One more event, classified by {@code version}. */
    void record(boolean wasCorrect, boolean corrected, long servingVersion) {
        events++;
        correct += wasCorrect ? 1 : 0;
        corrections += corrected ? 1 : 0;
        version = servingVersion;
        if (events == size) {
            close();
        }
    }

    /** Every window, the last one closed even if short. */
    List<StreamWindow> windows() {
        if (events > 0) {
            close();
        }
        return List.copyOf(closed);
    }

    private void close() {
        closed.add(new StreamWindow(closed.size(), first, events, correct, corrections, version));
        first += events;
        events = 0;
        correct = 0;
        corrections = 0;
    }
}
