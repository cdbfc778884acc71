package io.streamtune.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ops/docker/trainer-bootstrap.sh} run by bash with a stand-in {@code java} first on the PATH that answers the
 * way {@code TrainerApp bootstrap} does (the refusal line is the one the trainer printed in a real second run).
 */
@Timeout(30)
class BootstrapScriptTest {

    private static final Path SCRIPT = ComposeFile.ROOT.resolve("ops/docker/trainer-bootstrap.sh");

    @Test
    void shouldSucceedWhenTheModelAlreadyHasAVersion(@TempDir Path dir) throws Exception {
        fakeJava(dir, "trainer: sentiment already has version 1: bootstrap only creates the first version", 2);

        assertThat(runScript(dir)).isZero();
    }

    @Test
    void shouldFailWithTheTrainersExitCodeOnAnyOtherError(@TempDir Path dir) throws Exception {
        fakeJava(dir, "trainer: model.labels: at least two distinct non-blank labels", 2);

        assertThat(runScript(dir)).isEqualTo(2);
    }

    @Test
    void shouldPassTheConfigAndDataFilesToTheBootstrapCommand(@TempDir Path dir) throws Exception {
        fakeJava(dir, "", 0);

        assertThat(runScript(dir)).isZero();
        assertThat(Files.readString(dir.resolve("args")))
                .contains("-jar /opt/streamtune/app.jar bootstrap --config /cfg/trainer.properties --data /d.jsonl");
    }

    private static void fakeJava(Path dir, String stderrLine, int exitCode) throws IOException {
        Path java = dir.resolve("java");
        String body = "#!/usr/bin/env bash\n"
                + "echo \"$*\" > '" + dir.resolve("args") + "'\n"
                + (stderrLine.isEmpty() ? "" : "echo '" + stderrLine + "' >&2\n")
                + "exit " + exitCode + "\n";
        Files.writeString(java, body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static int runScript(Path dir) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), "/cfg/trainer.properties", "/d.jsonl")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("output").toFile());
        builder.environment().put("PATH", dir + ":" + System.getenv("PATH"));
        Process process = builder.start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
