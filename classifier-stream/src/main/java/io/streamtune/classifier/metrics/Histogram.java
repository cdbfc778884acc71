package io.streamtune.classifier.metrics;

import java.util.Arrays;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A cumulative histogram with fixed upper bounds, as Prometheus defines one: a count per bucket of observations at
 * most the bound, plus the total count and sum. Thread-safe and lock-free.
 */
public final class Histogram {

    private final double[] upperBounds;
    private final LongAdder[] buckets;
    private final LongAdder count = new LongAdder();
    private final DoubleAdder sum = new DoubleAdder();

    /** @param upperBounds increasing bucket bounds; a last bucket of +Inf is implied */
    public Histogram(double... upperBounds) {
        for (int i = 1; i < upperBounds.length; i++) {
            if (upperBounds[i] <= upperBounds[i - 1]) {
                throw new IllegalArgumentException("bucket bounds must increase: " + Arrays.toString(upperBounds));
            }
        }
        this.upperBounds = upperBounds.clone();
        this.buckets = new LongAdder[upperBounds.length];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    /** Bounds for latencies in milliseconds, 1 ms to 1 minute. */
    public static Histogram millis() {
        return new Histogram(1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000);
    }

    /** Bounds for delays in seconds, 1 s to 1 day. */
    public static Histogram seconds() {
        return new Histogram(1, 2, 5, 10, 30, 60, 300, 900, 3_600, 21_600, 86_400);
    }

    /** Bounds for batch sizes. */
    public static Histogram sizes() {
        return new Histogram(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096);
    }

    public void observe(double value) {
        int index = Arrays.binarySearch(upperBounds, value);
        int bucket = index >= 0 ? index : -index - 1;
        if (bucket < buckets.length) {
            buckets[bucket].increment();
        }
        count.increment();
        sum.add(value);
    }

    /** A point-in-time copy, cumulative per bucket as Prometheus expects. */
    public Snapshot snapshot() {
        long[] cumulative = new long[buckets.length];
        long running = 0;
        for (int i = 0; i < buckets.length; i++) {
            running += buckets[i].sum();
            cumulative[i] = running;
        }
        return new Snapshot(upperBounds.clone(), cumulative, count.sum(), sum.sum());
    }

    /**
     * The state of a histogram.
     *
     * @param upperBounds the bucket bounds
     * @param cumulativeCounts observations at most each bound
     * @param count all observations (the +Inf bucket)
     * @param sum the sum of all observations
     */
    public record Snapshot(double[] upperBounds, long[] cumulativeCounts, long count, double sum) {}
}
