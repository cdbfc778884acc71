package io.streamtune.trainer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamtune.testsupport.LoopbackOnly;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path trace = folder.resolve("connect.trace");
        Path log = folder.resolve("child.log");

        Process child = LoopbackOnly.command(
                        trace,
                        List.of(
                                LoopbackOnly.javaBinary(),
                                "-Xmx1g",
                                "-Dstreamtune.test.broker=in-process",
                                "-cp",
                                System.getProperty("java.class.path"),
                                IsolatedTrainerRun.class.getName(),
                                folder.toString(),
                                data.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean exited = child.waitFor(7, TimeUnit.MINUTES);
        if (!exited) {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        String tail = output.substring(Math.max(0, output.length() - 6000));

        assertThat(exited).as("child finished in time; its log:%n%s", tail).isTrue();
        assertThat(child.exitValue()).as("child exit code; its log:%n%s", tail).isZero();
        assertThat(output).contains("Bootstrapped it-").contains("version 1");
        List<String> addresses = LoopbackOnly.connectedAddresses(trace);
        System.out.printf(
                "trainer NoEgressIT: %d connect() calls to IP addresses, distinct: %s%n",
                addresses.size(), addresses.stream().distinct().toList());
        assertThat(addresses).as("connect() calls recorded").isNotEmpty();
        assertThat(addresses).allSatisfy(address -> assertThat(LoopbackOnly.isLoopback(address))
                .as("connect() to %s", address)
                .isTrue());
    }
}
