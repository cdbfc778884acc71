package io.streamtune.cli.produce;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Spaces events evenly at a rate in events per second, from the first one on; 0 means no limit. After a stall (e.g.
 * the first send waiting for metadata) it catches up by at most one second's worth of events.
 */
public final class RateLimiter {

    private final long nanosPerEvent;
    private long next;

    public RateLimiter(double eventsPerSecond) {
        this.nanosPerEvent = eventsPerSecond <= 0 ? 0 : (long) (TimeUnit.SECONDS.toNanos(1) / eventsPerSecond);
    }

    /** Waits until the next event may go. */
    public void acquire() {
        if (nanosPerEvent == 0) {
            return;
        }
        long now = System.nanoTime();
        if (next == 0 || now - next > TimeUnit.SECONDS.toNanos(1)) {
            next = now;
        }
        while (now < next) {
            LockSupport.parkNanos(next - now);
            now = System.nanoTime();
        }
        next += nanosPerEvent;
    }
}
