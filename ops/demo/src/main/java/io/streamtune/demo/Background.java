package io.streamtune.demo;

import java.time.Duration;
import java.util.List;

/** A demo worker on its own daemon thread: closing it stops the worker, waits for the thread, closes its clients. */
final class Background implements AutoCloseable {

    private static final Duration JOIN = Duration.ofSeconds(15);

    private final Thread thread;
    private final Runnable stop;
    private final List<AutoCloseable> clients;

    private Background(Thread thread, Runnable stop, List<AutoCloseable> clients) {
        this.thread = thread;
        this.stop = stop;
        this.clients = clients;
    }

    static Background start(String name, Runnable worker, Runnable stop, AutoCloseable... clients) {
        Thread thread = new Thread(worker, name);
        thread.setDaemon(true);
        thread.start();
        return new Background(thread, stop, List.of(clients));
    }

    @Override
    public void close() {
        stop.run();
        try {
            thread.join(JOIN.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (AutoCloseable client : clients) {
            try {
                client.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing a client of " + thread.getName() + " failed", e);
            }
        }
    }
}
