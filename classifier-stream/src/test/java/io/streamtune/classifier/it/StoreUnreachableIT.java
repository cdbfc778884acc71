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
import io.streamtune.testsupport.FaultReport;
import io.streamtune.testsupport.KafkaStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model store goes away (its root folder renamed, as an unmounted volume looks) while a real tiny BERT v1 serves
 * a steady stream and v2 is announced: v2 is refused attempt after attempt, v1 keeps classifying; once the folder is
 * back the classifier loads v2 by itself, without a new model-versions record, and every event is classified exactly
 * once.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class StoreUnreachableIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    /** Failed attempts to load v2 before the store comes back: about 7 s of outage at 1 s doubling, 31 s in full. */
    private static final int FAILED_ATTEMPTS = FaultReport.scale().pick(4, 7);

    private static final Duration BACKOFF = Duration.ofSeconds(1);
    private static final Duration BACKOFF_MAX = Duration.ofSeconds(8);

    @TempDir
    Path folder;

    @AutoClose
    private StreamHarness harness;

    @AutoClose
    private ClassifierRuntime runtime;

    @Test
    void shouldKeepServingV1WhileTheStoreIsUnreachableAndServeTheAnnouncedV2OnceItIsBack() throws Exception {
        FileSystemModelStore store = new FileSystemModelStore(folder.resolve("store"));
        StoredVersion v1 = TinyBertVersions.write(store, StreamHarness.MODEL, 1);
        StoredVersion v2 = TinyBertVersions.write(store, StreamHarness.MODEL, 2);
        harness = new StreamHarness(STACK, 2);
        harness.publish(1, ModelStatus.PROMOTED, v1.manifestSha256());
        runtime = start(store);
        await().atMost(Duration.ofSeconds(90)).until(runtime::isReady);
        LoadGenerator load =
                new LoadGenerator(harness, i -> i % 2 == 0 ? "What a great phone." : "Terrible food, never again.");
        load.start();
        await().atMost(Duration.ofSeconds(120)).until(() -> runtime.metrics().classified() >= 200);

        Path unmounted = folder.resolve("store-unmounted");
        Files.move(store.root(), unmounted);
        Instant downAt = Instant.now();
        int sentWhenDown = load.sent();
        harness.publish(2, ModelStatus.PROMOTED, v2.manifestSha256());
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.metrics().failedReloads() >= 1);
        long classifiedAtFirstRefusal = runtime.metrics().classified();
        await().atMost(Duration.ofSeconds(120)).until(() -> runtime.metrics().failedReloads() >= FAILED_ATTEMPTS);
        long servedDuringOutage = runtime.metrics().servedVersion();
        long classifiedWhileRefused = runtime.metrics().classified() - classifiedAtFirstRefusal;
        Files.move(unmounted, store.root());
        Instant backAt = Instant.now();
        long failedWhenBack = runtime.metrics().failedReloads();

        await().atMost(Duration.ofSeconds(120)).until(() -> runtime.metrics().servedVersion() == 2);
        double servedAfterBack = Duration.between(backAt, Instant.now()).toMillis() / 1000.0;
        int total = load.finishAfter(250);

        try (KafkaConsumer<String, Classification> consumer = harness.classifications()) {
            List<ConsumerRecord<String, Classification>> results =
                    StreamHarness.readAtLeast(consumer, total, Duration.ofSeconds(180));
            Map<String, Long> perKey =
                    results.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            long outageSeconds = Math.round(Duration.between(downAt, backAt).toMillis() / 1000.0);
            FaultReport.record(new FaultReport.Row(
                    "model store unreachable ~" + outageSeconds + " s while v2 is announced",
                    total,
                    "store root renamed away after " + sentWhenDown + " events sent, v2 PROMOTED while it was gone, "
                            + "renamed back after " + failedWhenBack + " refused attempts (backoff "
                            + BACKOFF.toSeconds()
                            + " s doubling, max " + BACKOFF_MAX.toSeconds() + " s)",
                    total - perKey.size(),
                    perKey.values().stream().filter(count -> count > 1).count(),
                    runtime.metrics().deadLetters(),
                    String.format(
                            "v%d served throughout the outage, %d events classified by it between the first and the"
                                    + " last refusal; v2 served %.1f s after the store was back, without a new record;"
                                    + " failed reloads %d, reloads %d",
                            servedDuringOutage,
                            classifiedWhileRefused,
                            servedAfterBack,
                            runtime.metrics().failedReloads(),
                            runtime.metrics().reloads())));

            assertThat(servedDuringOutage).isEqualTo(1);
            assertThat(classifiedWhileRefused)
                    .as("events classified while v2 was refused")
                    .isPositive();
            assertThat(failedWhenBack).isGreaterThanOrEqualTo(FAILED_ATTEMPTS);
            assertThat(runtime.metrics().reloads())
                    .as("v1, then v2 by retry alone")
                    .isEqualTo(2);
            assertThat(runtime.metrics().deadLetters()).isZero();
            ReloadChecks.assertEachEventOnceAndOnlyTheNewVersionAfterTheSwap(results, total, 1, 2);
            assertThat(results.stream()
                            .filter(r -> r.value().getClassifiedTime().isBefore(backAt))
                            .map(r -> r.value().getModelVersion()))
                    .as("classified before the store was back")
                    .isNotEmpty()
                    .containsOnly(1L);
            assertThat(results.stream()
                            .filter(r -> r.value().getClassifiedTime().isAfter(downAt)
                                    && r.value().getClassifiedTime().isBefore(backAt)))
                    .as("classified while the store was unreachable")
                    .isNotEmpty();
        }
    }

    private ClassifierRuntime start(FileSystemModelStore store) throws Exception {
        Map<String, String> config = harness.classifierConfig("store-outage-1", folder.resolve("state"), store.root());
        config.put(ClassifierConfig.RELOAD_RETRY_BACKOFF_MS, Long.toString(BACKOFF.toMillis()));
        config.put(ClassifierConfig.RELOAD_RETRY_BACKOFF_MAX_MS, Long.toString(BACKOFF_MAX.toMillis()));
        EngineModelLoader loader = TinyBertVersions.loader(store);
        return ClassifierRuntime.start(new ClassifierConfig(config), loader, Duration.ofSeconds(120));
    }
}
