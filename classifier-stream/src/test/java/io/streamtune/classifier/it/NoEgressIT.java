package io.streamtune.classifier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.testsupport.LoopbackOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classifier ({@code ClassifierApp.main}) with its broker and registry in a Linux network namespace that has only
 * loopback ({@code unshare --net}), every {@code connect} system call of the whole process tree recorded by {@code
 * strace}: it must classify events and never try an address other than loopback (DJL telemetry and downloads off
 * without any launcher setting). Skipped where unshare, ip or strace is missing or not permitted.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class NoEgressIT {

    @TempDir
    Path folder;

    @Test
    void shouldClassifyWithOnlyLoopbackAndNeverTryAnotherAddress() throws Exception {
        assumeTrue(LoopbackOnly.available(), "needs unshare --net (root or user namespaces), ip and strace");
        StoredVersion v1 = TinyBertVersions.write(new FileSystemModelStore(folder.resolve("store")), "sentiment", 1);
        Path trace = folder.resolve("connect.trace");
        Path log = folder.resolve("child.log");

        Process child = LoopbackOnly.command(
                        trace,
                        List.of(
                                LoopbackOnly.javaBinary(),
                                "-Xmx768m",
                                "-Dstreamtune.test.broker=in-process",
                                "-cp",
                                System.getProperty("java.class.path"),
                                IsolatedClassifierRun.class.getName(),
                                folder.toString(),
                                v1.manifestSha256()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean exited = child.waitFor(5, TimeUnit.MINUTES);
        if (!exited) {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        keepForInspection(trace, log);

        assertThat(exited)
                .as("child finished in time; its log:%n%s", tail(output))
                .isTrue();
        assertThat(child.exitValue())
                .as("child exit code; its log:%n%s", tail(output))
                .isZero();
        assertThat(output).contains(IsolatedClassifierRun.SUCCESS);
        List<String> addresses = LoopbackOnly.connectedAddresses(trace);
        System.out.printf(
                "NoEgressIT: %d connect() calls to IP addresses, distinct: %s%n",
                addresses.size(), addresses.stream().distinct().toList());
        assertThat(addresses).as("connect() calls recorded").isNotEmpty();
        assertThat(addresses).allSatisfy(address -> assertThat(LoopbackOnly.isLoopback(address))
                .as("connect() to %s", address)
                .isTrue());
    }

    /** Copies the trace and the child's log to {@code target/no-egress/} (the temporary folder is deleted). */
    private static void keepForInspection(Path trace, Path log) throws IOException {
        Path kept = Files.createDirectories(Path.of("target", "no-egress"));
        if (Files.exists(trace)) {
            Files.copy(trace, kept.resolve("connect.trace"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(log, kept.resolve("child.log"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String tail(String output) {
        return output.length() <= 6000 ? output : output.substring(output.length() - 6000);
    }
}
