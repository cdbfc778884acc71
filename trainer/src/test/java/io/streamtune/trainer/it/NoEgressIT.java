package io.streamtune.trainer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamtune.testsupport.LoopbackOnly;
import io.streamtune.testsupport.LoopbackRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code TrainerApp bootstrap} (real BERT fine-tuning, publishing on the real broker and registry) in a Linux network
 * namespace with only loopback, every {@code connect} system call of the process tree recorded by {@code strace}: it
 * must publish version 1 and never try an address other than loopback (DJL telemetry and downloads off without any
 * launcher setting). Skipped where unshare, ip or strace is missing or not permitted.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class NoEgressIT {

    private static final int EXAMPLES = 64;

    @TempDir
    Path folder;

    @Test
    void shouldBootstrapWithOnlyLoopbackAndNeverTryAnotherAddress() throws Exception {
        assumeTrue(LoopbackOnly.available(), "needs unshare --net (root or user namespaces), ip and strace");
        List<String> lines = Files.readAllLines(Path.of("../data/uci_sentiment.jsonl"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("\"split\": \"stream\""))
                .limit(EXAMPLES)
                .toList();
        assertThat(lines).hasSize(EXAMPLES);
        Path data = Files.write(folder.resolve("examples.jsonl"), lines, StandardCharsets.UTF_8);
        LoopbackRun run = LoopbackRun.of(
                folder,
                "no-egress",
                List.of("-Xmx1g", "-Dstreamtune.test.broker=in-process"),
                IsolatedTrainerRun.class,
                List.of(folder.toString(), data.toString()),
                Duration.ofMinutes(7));

        assertThat(run.exited())
                .as("child finished in time; its log:%n%s", run.tail())
                .isTrue();
        assertThat(run.exitValue())
                .as("child exit code; its log:%n%s", run.tail())
                .isZero();
        assertThat(run.output()).contains("Bootstrapped it-").contains("version 1");
        System.out.println("trainer NoEgressIT: " + run.summary());
        assertThat(run.addresses()).as("connect() calls recorded").isNotEmpty();
        assertThat(run.elsewhere())
                .as("connect() calls to other addresses than loopback")
                .isEmpty();
    }
}
