package io.streamtune.classifier.metrics;

import java.util.function.LongSupplier;

/**
 * Events per second over a sliding window of whole seconds (the current, incomplete second excluded), from a ring
 * of per-second counts. Thread-safe.
 */
public final class RateMeter {

    private final long[] counts;
    private final long[] seconds;
    private final LongSupplier clockMillis;

    public RateMeter(int windowSeconds, LongSupplier clockMillis) {
        this.counts = new long[windowSeconds + 1];
        this.seconds = new long[windowSeconds + 1];
        this.clockMillis = clockMillis;
    }

    public synchronized void mark(long events) {
        long now = clockMillis.getAsLong() / 1000;
        int slot = (int) (now % counts.length);
        if (seconds[slot] != now) {
            seconds[slot] = now;
            counts[slot] = 0;
        }
        counts[slot] += events;
    }

    /** Events per second over the last full seconds of the window. */
    public synchronized double perSecond() {
        long now = clockMillis.getAsLong() / 1000;
        int window = counts.length - 1;
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            long age = now - seconds[i];
            if (age >= 1 && age <= window) {
                total += counts[i];
            }
        }
        return (double) total / window;
    }
}
