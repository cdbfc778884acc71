package io.streamtune.cli.eval;

import java.util.Arrays;

/** Percentiles of a sample by the nearest-rank method: the smallest value with at least p% of values at or below. */
final class Percentiles {

    private final long[] sorted;

    Percentiles(long[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    /** @param percent in (0, 100] */
    long of(double percent) {
        if (sorted.length == 0) {
            throw new IllegalStateException("no values");
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    int count() {
        return sorted.length;
    }
}
