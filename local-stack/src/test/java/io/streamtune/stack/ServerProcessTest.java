package io.streamtune.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ServerProcessTest {

    private static final String CLASSPATH = System.getProperty("java.class.path");

    @TempDir
    Path dir;

    @Test
    void shouldRecordThePidAndStopTheProcessItNames() {
        ServerProcess server =
                new ServerProcess("fake", FakeServer.class.getName(), dir.resolve("run"), dir.resolve("logs"));
        ProcessHandle handle = server.start(CLASSPATH, List.of("-Xmx32m"), List.of("hello"), false);

        ServerProcess seenLater =
                new ServerProcess("fake", FakeServer.class.getName(), dir.resolve("run"), dir.resolve("logs"));
        assertThat(seenLater.running()).map(ProcessHandle::pid).contains(handle.pid());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(seenLater.logTail(5)).contains("fake server says hello"));

        assertThat(seenLater.stop(Duration.ofSeconds(10))).isTrue();
        assertThat(handle.isAlive()).isFalse();
        assertThat(dir.resolve("run/fake.pid")).doesNotExist();
    }

    @Test
    void shouldIgnoreAPidFileWhoseProcessStartedAfterItWasWritten() throws Exception {
        Files.createDirectories(dir.resolve("run"));
        Files.writeString(
                dir.resolve("run/fake.pid"),
                Long.toString(ProcessHandle.current().pid()));
        Files.setLastModifiedTime(dir.resolve("run/fake.pid"), FileTime.fromMillis(0));

        ServerProcess server =
                new ServerProcess("fake", FakeServer.class.getName(), dir.resolve("run"), dir.resolve("logs"));

        assertThat(server.running()).isEmpty();
    }

    @Test
    void shouldFailWithTheLogTailWhenTheServerExitsBeforeBecomingHealthy() {
        ServerProcess server =
                new ServerProcess("fake", FakeServer.class.getName(), dir.resolve("run"), dir.resolve("logs"));
        ProcessHandle handle = server.start(CLASSPATH, List.of("-Xmx32m"), List.of("exit"), false);

        assertThatThrownBy(() -> HealthWait.until(server, handle, Duration.ofSeconds(30), () -> false))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("The fake exited before becoming healthy")
                .hasMessageContaining("fake server says exit");
    }
}
