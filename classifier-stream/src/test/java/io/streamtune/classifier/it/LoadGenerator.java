package io.streamtune.classifier.it;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Sends events {@code e-0, e-1, ...} at a steady pace until told how many more to send, so a test can keep the
 * stream loaded across an event whose timing it does not control (a model swap) on machines of any speed.
 */
final class LoadGenerator {

    private final StreamHarness harness;
    private final IntFunction<String> text;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicLong last = new AtomicLong(Long.MAX_VALUE);
    private final Thread thread = new Thread(this::run, "load-generator");

    LoadGenerator(StreamHarness harness, IntFunction<String> text) {
        this.harness = harness;
        this.text = text;
    }

    void start() {
        thread.start();
    }

    int sent() {
        return sent.get();
    }

    /** Sends {@code more} further events, then stops; returns how many were sent in all. */
    int finishAfter(int more) throws InterruptedException {
        last.set(sent.get() + (long) more);
        thread.join();
        return sent.get();
    }

    private void run() {
        for (int i = 0; i < last.get(); i++) {
            harness.send("e-" + i, text.apply(i));
            sent.incrementAndGet();
            if (i % 25 == 24) {
                harness.flush();
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        harness.flush();
    }
}
