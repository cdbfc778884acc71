package io.streamtune.classifier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamtune.classifier.ClassifierRuntime;
import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.classifier.engine.EngineModelLoader;
import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.testsupport.KafkaStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * PROMOTED model-versions records whose artifact location leaves the configured model store (a {@code ..} path, an
 * absolute {@code file:} URI, {@code file:///etc}, a symbolic link out of the root) are refused by the real loader:
 * each one counts a failed reload and the previous version keeps classifying. Complete, valid versions wait at
 * those places, so only the location can be the reason; the version announced at its store folder with another
 * manifest SHA-256 is refused too, and with the right one it is served.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class UntrustedArtifactLocationIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    @TempDir
    Path folder;

    @AutoClose
    private StreamHarness harness;

    @AutoClose
    private ClassifierRuntime runtime;

    @Test
    void shouldRefuseLocationsOutsideTheStoreAndKeepServingThePreviousVersion() throws Exception {
        Path root = folder.resolve("store");
        FileSystemModelStore store = new FileSystemModelStore(root);
        StoredVersion v1 = TinyBertVersions.write(store, StreamHarness.MODEL, 1);
        StoredVersion v2 = TinyBertVersions.write(store, StreamHarness.MODEL, 2);
        FileSystemModelStore outside = new FileSystemModelStore(folder.resolve("outside"));
        StoredVersion outside2 = TinyBertVersions.write(outside, StreamHarness.MODEL, 2);
        StoredVersion outside3 = TinyBertVersions.write(outside, StreamHarness.MODEL, 3);
        Files.createSymbolicLink(store.root().resolve(StreamHarness.MODEL + "/3"), outside3.folder());

        harness = new StreamHarness(STACK, 1);
        harness.publish(1, ModelStatus.PROMOTED, v1.manifestSha256(), v1.uri().toString());
        EngineModelLoader loader = TinyBertVersions.loader(store);
        runtime = ClassifierRuntime.start(
                new ClassifierConfig(harness.classifierConfig("untrusted-1", folder.resolve("state"), root)),
                loader,
                Duration.ofSeconds(120));
        assertThat(runtime.metrics().servedVersion()).isEqualTo(1);

        List<String> traversals = List.of(
                "../outside/" + StreamHarness.MODEL + "/2",
                outside2.uri().toString(),
                "file://" + store.root() + "/../outside/" + StreamHarness.MODEL + "/2",
                "file:///etc",
                "/etc/passwd");
        try (KafkaConsumer<String, Classification> consumer = harness.classifications()) {
            int refused = 0;
            for (String location : traversals) {
                harness.publish(2, ModelStatus.PROMOTED, outside2.manifestSha256(), location);
                refused++;
                awaitRefusedAndStillServingV1(refused);
            }
            harness.publish(3, ModelStatus.PROMOTED, outside3.manifestSha256(), StreamHarness.MODEL + "/3");
            awaitRefusedAndStillServingV1(++refused);

            harness.publish(2, ModelStatus.PROMOTED, "0".repeat(64), v2.uri().toString());
            awaitRefusedAndStillServingV1(++refused);

            sendEvents("after-refusals-", 6);
            assertClassifiedByVersion(StreamHarness.readAtLeast(consumer, 6, Duration.ofSeconds(60)), 1);

            harness.publish(
                    2, ModelStatus.PROMOTED, v2.manifestSha256(), v2.uri().toString());
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () -> assertThat(runtime.metrics().servedVersion()).isEqualTo(2));
            sendEvents("trusted-", 4);
            assertClassifiedByVersion(StreamHarness.readAtLeast(consumer, 4, Duration.ofSeconds(60)), 2);
        }
        assertThat(runtime.metrics().failedReloads()).isEqualTo(traversals.size() + 2);
        assertThat(runtime.metrics().reloads()).isEqualTo(2);
    }

    private void awaitRefusedAndStillServingV1(int refused) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(runtime.metrics().failedReloads()).isEqualTo(refused));
        assertThat(runtime.metrics().servedVersion()).isEqualTo(1);
    }

    private void sendEvents(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            harness.send(prefix + i, i % 2 == 0 ? "What a great phone, I love it." : "Terrible food, never again.");
        }
        harness.flush();
    }

    private static void assertClassifiedByVersion(List<ConsumerRecord<String, Classification>> results, long version) {
        assertThat(results).isNotEmpty();
        for (ConsumerRecord<String, Classification> result : results) {
            assertThat(result.value().getModelVersion()).as(result.key()).isEqualTo(version);
        }
    }
}
