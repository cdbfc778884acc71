package io.streamtune.classifier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.testsupport.LoopbackOnly;
import io.streamtune.testsupport.LoopbackRun;
import java.nio.file.Path;
import java.time.Duration;
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
        LoopbackRun run = LoopbackRun.of(
                folder,
                "no-egress",
                List.of("-Xmx768m", "-Dstreamtune.test.broker=in-process"),
                IsolatedClassifierRun.class,
                List.of(folder.toString(), v1.manifestSha256()),
                Duration.ofMinutes(5));

        assertThat(run.exited())
                .as("child finished in time; its log:%n%s", run.tail())
                .isTrue();
        assertThat(run.exitValue())
                .as("child exit code; its log:%n%s", run.tail())
                .isZero();
        assertThat(run.output()).contains(IsolatedClassifierRun.SUCCESS);
        System.out.println("NoEgressIT: " + run.summary());
        assertThat(run.addresses()).as("connect() calls recorded").isNotEmpty();
        assertThat(run.elsewhere())
                .as("connect() calls to other addresses than loopback")
                .isEmpty();
    }
}
