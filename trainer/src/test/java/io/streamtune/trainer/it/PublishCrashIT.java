package io.streamtune.trainer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamtune.model.artifact.ArtifactFiles;
import io.streamtune.model.artifact.ArtifactWriter;
import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.testsupport.FaultReport;
import io.streamtune.testsupport.KafkaStack;
import io.streamtune.trainer.Trainer;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.publish.PublishedVersions;
import io.streamtune.trainer.tuning.WordVoteTuner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * kill -9 of a trainer process at three points of publishing a version: while the model store writes it, once it
 * is stored but not yet published, and inside the publishing transaction. Each time the committed model-versions
 * topic still holds only version 1, the store lists only complete versions that verify, the training set holds
 * every correction exactly once, and a restarted trainer publishes the next version, which is then in service.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class PublishCrashIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    @TempDir
    Path dir;

    /** Where the crashing trainer stops, and what the store and the next round look like afterwards. */
    enum KillPoint {
        MID_STORE_WRITE("store-write", List.of(1L), 2),
        STORED_NOT_PUBLISHED("parent-evaluation", List.of(1L, 2L), 3),
        MID_TRANSACTION("fast", List.of(1L, 2L), 3);

        final String mode;
        final List<Long> storedAfterKill;
        final long publishedAfterRestart;

        KillPoint(String mode, List<Long> storedAfterKill, long publishedAfterRestart) {
            this.mode = mode;
            this.storedAfterKill = storedAfterKill;
            this.publishedAfterRestart = publishedAfterRestart;
        }
    }

    @ParameterizedTest
    @EnumSource(KillPoint.class)
    void shouldKeepOnlyCompleteVersionsAndEveryCorrectionOnceWhenKilledThenPublishAfterRestart(KillPoint point)
            throws Exception {
        TrainerStack topics = new TrainerStack(STACK);
        Path storeRoot = dir.resolve("models");
        Map<String, Object> settings = topics.settings(storeRoot);
        settings.put(TrainerConfig.ROUND_TRIGGER_CORRECTIONS, "20");
        settings.put(TrainerConfig.ROUND_RETRY_BACKOFF_MS, "500");
        TrainerConfig config = new TrainerConfig(settings);
        Trainer.bootstrap(config, new WordVoteTuner(), TrainerStack.bootstrapExamples());
        Path marker = dir.resolve("stopped-at-" + point);
        Path crashingConfig = TrainerChild.writeProperties(
                crashingSettings(settings, point, marker), dir.resolve("crashing.properties"));
        Path normalConfig = TrainerChild.writeProperties(settings, dir.resolve("trainer.properties"));
        List<String> expectedKeys = new ArrayList<>(
                TrainerStack.bootstrapExamples().stream().map(e -> e.eventId()).toList());

        Process crashing = TrainerChild.start(crashingConfig, marker, point.mode, dir.resolve("crashing.log"));
        List<String> sent =
                new ArrayList<>(topics.sendCorrections("c", FaultReport.scale().pick(30, 300)));
        await().atMost(Duration.ofSeconds(150)).until(() -> Files.exists(marker));
        sent.addAll(topics.sendCorrections("d", 5));
        expectedKeys.addAll(sent);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(topics.trainingSetCountsByKey())
                .containsKeys(sent.toArray(String[]::new)));
        TrainerChild.kill(crashing);

        PublishedVersions afterKill = published(topics, config);
        assertThat(afterKill.maxVersion()).isEqualTo(1);
        assertThat(afterKill.inService())
                .get()
                .extracting(ModelVersion::getVersion)
                .isEqualTo(1L);
        List<ModelStatus> uncommitted = uncommittedRecordsAbove(topics, config, 1);
        assertThat(uncommitted)
                .isEqualTo(point == KillPoint.MID_TRANSACTION ? List.of(ModelStatus.CANDIDATE) : List.of());
        FileSystemModelStore store = new FileSystemModelStore(storeRoot);
        assertThat(store.versions(config.modelName())).isEqualTo(point.storedAfterKill);
        assertEveryVersionVerifies(store, config.modelName());
        List<Path> leftovers = temporaryFolders(store.root().resolve(config.modelName()));
        assertLeftovers(point, leftovers, Files.readString(marker));
        Map<String, Long> countsAfterKill = topics.trainingSetCountsByKey();
        assertThat(countsAfterKill)
                .containsOnlyKeys(expectedKeys)
                .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1L));

        Process restarted =
                TrainerChild.start(normalConfig, dir.resolve("never-written"), "fast", dir.resolve("restarted.log"));
        try {
            await().atMost(Duration.ofSeconds(180))
                    .untilAsserted(() -> assertThat(published(topics, config).inService())
                            .get()
                            .extracting(ModelVersion::getVersion, ModelVersion::getStatus)
                            .containsExactly(point.publishedAfterRestart, ModelStatus.PROMOTED));
        } finally {
            TrainerChild.kill(restarted);
        }

        PublishedVersions afterRestart = published(topics, config);
        assertThat(afterRestart.maxVersion()).isEqualTo(point.publishedAfterRestart);
        assertThat(afterRestart.inService().orElseThrow().getSha256())
                .isEqualTo(store.resolve(config.modelName(), point.publishedAfterRestart)
                        .manifestSha256());
        List<Long> storedAfterRestart = store.versions(config.modelName());
        assertThat(storedAfterRestart).endsWith(point.publishedAfterRestart);
        assertEveryVersionVerifies(store, config.modelName());
        Map<String, Long> countsAfterRestart = topics.trainingSetCountsByKey();
        assertThat(countsAfterRestart).containsOnlyKeys(expectedKeys);
        long lost =
                sent.stream().filter(id -> !countsAfterRestart.containsKey(id)).count();
        long duplicated =
                countsAfterRestart.values().stream().mapToLong(c -> c - 1).sum();
        assertThat(lost).isZero();
        assertThat(duplicated).isZero();

        FaultReport.record(new FaultReport.Row(
                "trainer killed " + point.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                sent.size(),
                "1 SIGKILL of the trainer JVM " + where(point),
                lost,
                duplicated,
                deadLettered(topics),
                "after the kill: committed model-versions v1 only, uncommitted records of the round " + uncommitted
                        + ", store " + point.storedAfterKill + " (all verify) + " + leftovers.size()
                        + " temporary folder(s)" + (leftovers.isEmpty() ? "" : " holding " + weightsWritten(marker))
                        + "; after restart: v" + point.publishedAfterRestart
                        + " PROMOTED and in service, store " + storedAfterRestart));
    }

    private static Map<String, Object> crashingSettings(Map<String, Object> settings, KillPoint point, Path marker) {
        Map<String, Object> crashing = new HashMap<>(settings);
        if (point == KillPoint.MID_TRANSACTION) {
            crashing.put("kafka.interceptor.classes", DecisionBlockingInterceptor.class.getName());
            crashing.put("kafka." + DecisionBlockingInterceptor.MARKER_CONFIG, marker.toString());
        }
        return crashing;
    }

    private static String where(KillPoint point) {
        return switch (point) {
            case MID_STORE_WRITE -> "with half of model.safetensors written in the store's temporary folder";
            case STORED_NOT_PUBLISHED -> "with the candidate stored and verified, before publishing";
            case MID_TRANSACTION -> "with CANDIDATE sent in the open transaction, the decision not yet sent";
        };
    }

    /** Mid-write, the temporary folder stays (listings skip it) with exactly the bytes written; else none. */
    private static void assertLeftovers(KillPoint point, List<Path> leftovers, String marker) throws IOException {
        if (point != KillPoint.MID_STORE_WRITE) {
            assertThat(leftovers).isEmpty();
            return;
        }
        String[] writtenOfTotal = marker.trim().split(" ");
        long written = Long.parseLong(writtenOfTotal[0]);
        assertThat(written).isPositive().isLessThan(Long.parseLong(writtenOfTotal[1]));
        assertThat(leftovers).singleElement().satisfies(temp -> {
            assertThat(temp.resolve(ArtifactFiles.WEIGHTS)).hasSize(written);
            assertThat(temp.resolve(ArtifactFiles.MANIFEST)).doesNotExist();
        });
    }

    private static String weightsWritten(Path marker) throws IOException {
        String[] writtenOfTotal = Files.readString(marker).trim().split(" ");
        return writtenOfTotal[0] + " of " + writtenOfTotal[1] + " bytes of " + ArtifactFiles.WEIGHTS;
    }

    private static List<Path> temporaryFolders(Path modelFolder) throws IOException {
        try (Stream<Path> entries = Files.list(modelFolder)) {
            return entries.filter(entry -> entry.getFileName().toString().startsWith(ArtifactWriter.TEMP_PREFIX))
                    .toList();
        }
    }

    private static void assertEveryVersionVerifies(FileSystemModelStore store, String modelName) throws IOException {
        for (long version : store.versions(modelName)) {
            assertThat(store.resolve(modelName, version).version()).isEqualTo(version);
        }
    }

    private static PublishedVersions published(TrainerStack topics, TrainerConfig config) {
        try (KafkaConsumer<String, ModelVersion> consumer = topics.versionsConsumer()) {
            consumer.unsubscribe();
            return PublishedVersions.read(consumer, topics.modelVersions, config.modelName(), Duration.ofSeconds(30));
        }
    }

    /** The statuses of records above a version that reached the log, committed or not. */
    private static List<ModelStatus> uncommittedRecordsAbove(TrainerStack topics, TrainerConfig config, long version) {
        try (KafkaConsumer<String, ModelVersion> consumer = topics.uncommittedVersionsConsumer()) {
            return TrainerStack.readToEnd(consumer, topics.modelVersions).stream()
                    .map(ConsumerRecord::value)
                    .filter(value -> value.getModelName().equals(config.modelName()))
                    .filter(value -> value.getVersion() > version)
                    .map(ModelVersion::getStatus)
                    .toList();
        }
    }

    private static long deadLettered(TrainerStack topics) {
        try (KafkaConsumer<byte[], byte[]> consumer = topics.deadLetterConsumer()) {
            consumer.unsubscribe();
            return TrainerStack.readToEnd(consumer, topics.deadLetters).size();
        }
    }
}
