package io.streamtune.classifier.it;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends events {@code e-0 .. e-(n-1)} on its own thread, a chunk every tick. A test that must inject faults while
 * events flow, on a machine whose restarts take 5 s or 50 s, sets a soft limit: below it the stream runs at full
 * pace, at or above it it slows to one event a tick (so a fault still lands on live traffic), and it holds its last
 * {@code tail} events back until {@link #release()}, so the stream cannot end before the faults are done.
 */
final class PacedEventStream {

    private static final long TICK_MS = 100;

    private final StreamHarness harness;
    private final int events;
    private final int perTick;
    private final int tail;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger softLimit = new AtomicInteger();
    private final Thread thread = new Thread(this::run, "paced-event-stream");
    private volatile boolean released;
    private volatile boolean stopped;

    PacedEventStream(StreamHarness harness, int events, int perTick, int tail) {
        this.harness = harness;
        this.events = events;
        this.perTick = perTick;
        this.tail = tail;
    }

    void start(int firstSoftLimit) {
        softLimit.set(firstSoftLimit);
        thread.start();
    }

    /** Full pace up to this many events, then a trickle. */
    void slowDownAfter(int limit) {
        softLimit.set(limit);
    }

    /** Full pace to the end. */
    void release() {
        released = true;
        softLimit.set(events);
    }

    int sent() {
        return sent.get();
    }

    int events() {
        return events;
    }

    /** Waits until the last event is sent. */
    void awaitEnd() throws InterruptedException {
        thread.join();
    }

    /** Stops early (test clean-up). */
    void stop() throws InterruptedException {
        stopped = true;
        thread.join(10_000);
    }

    private void run() {
        int next = 0;
        while (next < events && !stopped) {
            int end = released ? events : events - tail;
            int chunk = next < softLimit.get() ? perTick : 1;
            for (int i = 0; i < chunk && next < end; i++, next++) {
                harness.send("e-" + next, next % 3 == 0 ? "good " + next : "bad " + next);
                sent.incrementAndGet();
            }
            harness.flush();
            try {
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        harness.flush();
    }
}
