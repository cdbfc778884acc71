package io.streamtune.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Polls a health check until it passes, the process dies, or the time is up. */
final class HealthWait {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final int LOG_LINES = 30;

    private HealthWait() {}

    /** Returns once healthy; otherwise throws with the reason and the tail of the process log. */
    static void until(ServerProcess process, ProcessHandle handle, Duration timeout, BooleanSupplier healthy) {
        Instant deadline = Instant.now().plus(timeout);
        while (!healthy.getAsBoolean()) {
            if (!handle.isAlive()) {
                throw failure(process, "exited before becoming healthy");
            }
            if (Instant.now().isAfter(deadline)) {
                throw failure(process, "was not healthy within " + timeout.toSeconds() + " s");
            }
            pause();
        }
    }

    private static StackException failure(ServerProcess process, String what) {
        return new StackException("The " + process.name() + " " + what + ". Last lines of " + process.logFile() + ":"
                + System.lineSeparator() + process.logTail(LOG_LINES));
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while waiting for a server to start", e);
        }
    }
}
