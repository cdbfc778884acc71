package io.streamtune.runtime.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class AppLifecycleTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Integer> exits = new ArrayList<>();
    private final List<Thread> hooks = new CopyOnWriteArrayList<>();
    private final AppLifecycle lifecycle =
            new AppLifecycle("classifier", exits::add, new PrintStream(err, true, StandardCharsets.UTF_8), hooks::add);
    private final AtomicInteger closed = new AtomicInteger();

    @Test
    void shouldExitWithTwoAndOneLineNamingTheKeyOfAnInvalidConfiguration() {
        assertThatThrownBy(() -> lifecycle.configuration(() -> {
                    throw new ConfigException("model.name", "x y", "must match [A-Za-z0-9._-]");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(exits).containsExactly(2);
        assertThat(printed())
                .startsWith("classifier: invalid configuration: ")
                .contains("model.name")
                .hasLineCount(1);
    }

    @Test
    void shouldExitWithOneWhenTheAppCannotStart() {
        assertThatThrownBy(() -> lifecycle.start(onFatal -> {
                    throw new IllegalStateException("no version of model m could be served");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(exits).containsExactly(1);
        assertThat(printed()).isEqualTo("classifier: cannot start: no version of model m could be served\n");
    }

    @Test
    void shouldCloseWhatStartedWhenTheJvmShutsDown() {
        lifecycle.start(onFatal -> closed::incrementAndGet);
        assertThat(closed).hasValue(0);

        hooks.forEach(Thread::run);

        assertThat(closed).hasValue(1);
        assertThat(exits).isEmpty();
    }

    @Test
    void shouldRunUntilShutdownAndReturnZero() throws Exception {
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> run(onFatal -> closed::incrementAndGet));
        awaitHook();

        hooks.get(0).run();

        assertThat(code.get(5, TimeUnit.SECONDS)).isZero();
        assertThat(closed.get()).isPositive();
    }

    @Test
    void shouldStopWithOneOnAFatalErrorAndCloseWhatStarted() throws Exception {
        int code = run(onFatal -> {
            onFatal.run();
            return closed::incrementAndGet;
        });

        assertThat(code).isEqualTo(1);
        assertThat(closed.get()).isPositive();
    }

    private int run(AppLifecycle.Starter<AutoCloseable> starter) {
        try {
            return lifecycle.runUntilStopped(starter);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitHook() throws InterruptedException {
        while (hooks.isEmpty()) {
            Thread.sleep(10);
        }
    }

    private String printed() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
