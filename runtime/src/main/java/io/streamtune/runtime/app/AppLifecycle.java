package io.streamtune.runtime.app;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.apache.kafka.common.config.ConfigException;

/**
 * What every app's {@code main} does around its own work, the same way: an invalid configuration is one line
 * naming the key and exit code {@value #INVALID_CONFIGURATION}; an app that cannot start, or stops on a fatal
 * error, is one line and exit code {@value #FAILED}; a JVM shutdown (SIGTERM, Ctrl-C) closes what was started.
 */
public final class AppLifecycle {

    /** The exit code of an invalid configuration. */
    public static final int INVALID_CONFIGURATION = 2;
    /** The exit code of an app that could not start or stopped on a fatal error. */
    public static final int FAILED = 1;

    private final String app;
    private final IntConsumer exit;
    private final PrintStream err;
    private final Consumer<Thread> shutdownHooks;

    AppLifecycle(String app, IntConsumer exit, PrintStream err, Consumer<Thread> shutdownHooks) {
        this.app = app;
        this.exit = exit;
        this.err = err;
        this.shutdownHooks = shutdownHooks;
    }

    /** The lifecycle of an app in this JVM: {@link System#exit}, standard error, JVM shutdown hooks. */
    public static AppLifecycle of(String app) {
        return new AppLifecycle(app, System::exit, System.err, Runtime.getRuntime()::addShutdownHook);
    }

    /** Something started that reports a fatal error by running the callback it was given. */
    @FunctionalInterface
    public interface Starter<T extends AutoCloseable> {
        T start(Runnable onFatal) throws Exception;
    }

    /** The configuration; an invalid one is one line and exit code {@value #INVALID_CONFIGURATION}. */
    public <T> T configuration(Supplier<T> load) {
        try {
            return load.get();
        } catch (ConfigException e) {
            throw exit(INVALID_CONFIGURATION, "invalid configuration: " + e.getMessage());
        }
    }

    /**
     * Starts what keeps running on its own threads, and closes it on JVM shutdown; if it cannot start, one line and
     * exit code {@value #FAILED}.
     */
    public <T extends AutoCloseable> T start(Starter<T> starter) {
        T started = startOrExit(starter, () -> {});
        shutdownHooks.accept(new Thread(() -> closeQuietly(started), app + "-shutdown"));
        return started;
    }

    /**
     * Starts, then waits until the JVM shuts down (0) or a fatal error is reported ({@value #FAILED}), and closes what
     * was started either way.
     *
     * @return the exit code
     */
    public <T extends AutoCloseable> int runUntilStopped(Starter<T> starter) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger(0);
        T started = startOrExit(starter, () -> {
            exitCode.compareAndSet(0, FAILED);
            stopped.countDown();
        });
        shutdownHooks.accept(new Thread(
                () -> {
                    closeQuietly(started);
                    stopped.countDown();
                },
                app + "-shutdown"));
        stopped.await();
        closeQuietly(started);
        return exitCode.get();
    }

    private <T extends AutoCloseable> T startOrExit(Starter<T> starter, Runnable onFatal) {
        try {
            return starter.start(onFatal);
        } catch (ConfigException e) {
            throw exit(INVALID_CONFIGURATION, "invalid configuration: " + e.getMessage());
        } catch (Exception e) {
            throw exit(FAILED, "cannot start: " + e.getMessage());
        }
    }

    private IllegalStateException exit(int code, String line) {
        err.println(app + ": " + line);
        exit.accept(code);
        return new IllegalStateException(app + " exited with " + code + ": " + line);
    }

    private void closeQuietly(AutoCloseable started) {
        try {
            started.close();
        } catch (Exception e) {
            err.println(app + ": error while stopping: " + e);
        }
    }
}
