package io.streamtune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @Test
    void shouldReportAStackThatWasNeverStartedAsStopped(@TempDir Path dataDir) {
        int exitCode = Main.run("stack", "status", "--data-dir", dataDir.toString());

        assertThat(exitCode).isEqualTo(StackStatusCommand.NOT_HEALTHY);
    }

    @Test
    void shouldFailWithOneLineNamingTheSettingWhenAPortIsTaken(@TempDir Path dataDir) throws Exception {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exitCode = Main.run(
                    "stack",
                    "up",
                    "--data-dir",
                    dataDir.toString(),
                    "--kafka-port",
                    Integer.toString(taken.getLocalPort()));

            assertThat(exitCode).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .startsWith("streamtune: Port " + taken.getLocalPort())
                    .contains("streamtune.kafka.port");
        } finally {
            System.setErr(originalErr);
        }
    }

    @Test
    void shouldExplainItselfWhenAskedForHelp() {
        assertThat(Main.run("stack", "up", "--help")).isZero();
    }
}
