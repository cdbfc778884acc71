package io.streamtune.demo.report;

import java.util.List;

/**
 * What the accuracy chart shows.
 *
 * @param title the heading
 * @param windows accuracy per window of the stream
 * @param takeovers where each version began to classify
 * @param events the number of events in the stream (the x axis runs from 0 to it)
 */
public record ChartData(
        String title, List<WindowAccuracy> windows, List<WindowAccuracy.Takeover> takeovers, int events) {

    public ChartData {
        windows = List.copyOf(windows);
        takeovers = List.copyOf(takeovers);
    }

    /** The lowest accuracy of any window, or 1 when there is none. */
    double lowestAccuracy() {
        return windows.stream()
                .mapToDouble(WindowAccuracy::accuracy)
                .filter(value -> !Double.isNaN(value))
                .min()
                .orElse(1.0);
    }
}
