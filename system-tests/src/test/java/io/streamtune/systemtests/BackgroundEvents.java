package io.streamtune.systemtests;

import io.streamtune.trainer.round.Example;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Sends one event every interval on its own thread (ids {@code load-N}, texts in turn) until closed. */
final class BackgroundEvents implements AutoCloseable {

    private final LoopStack loop;
    private final List<Example> texts;
    private final long intervalMs;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger sent = new AtomicInteger();
    private final Thread thread = new Thread(this::sendUntilClosed, "background-events");

    private BackgroundEvents(LoopStack loop, List<Example> texts, long intervalMs) {
        this.loop = loop;
        this.texts = texts;
        this.intervalMs = intervalMs;
    }

    static BackgroundEvents start(LoopStack loop, List<Example> texts, long intervalMs) {
        BackgroundEvents events = new BackgroundEvents(loop, texts, intervalMs);
        events.thread.start();
        return events;
    }

    private void sendUntilClosed() {
        while (running.get()) {
            int next = sent.get();
            loop.sendEvent("load-" + next, texts.get(next % texts.size()).text());
            loop.flush();
            sent.incrementAndGet();
            try {
                Thread.sleep(intervalMs);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    int sent() {
        return sent.get();
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
