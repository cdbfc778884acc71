package io.streamtune.trainer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.testsupport.FaultReport;
import io.streamtune.testsupport.KafkaStack;
import io.streamtune.trainer.Trainer;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.publish.PublishedVersions;
import io.streamtune.trainer.tuning.WordVoteTuner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a trainer process mid-round leaves no half version; after a restart the next version is published.
 * While the round runs, ingestion goes on.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class CrashRecoveryIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    @TempDir
    Path dir;

    @Test
    void shouldPublishNoHalfVersionWhenKilledMidRoundAndTheNextVersionAfterRestart() throws Exception {
        TrainerStack topics = new TrainerStack(STACK);
        Map<String, Object> settings = topics.settings(dir.resolve("models"));
        settings.put(TrainerConfig.ROUND_TRIGGER_CORRECTIONS, "20");
        settings.put(TrainerConfig.ROUND_RETRY_BACKOFF_MS, "500");
        TrainerConfig config = new TrainerConfig(settings);
        Trainer.bootstrap(config, new WordVoteTuner(), TrainerStack.bootstrapExamples());
        Path configFile = TrainerChild.writeProperties(settings, dir.resolve("trainer.properties"));
        Path marker = dir.resolve("round-started");

        Process crashing = TrainerChild.start(configFile, marker, "slow", dir.resolve("slow.log"));
        List<String> sent = new ArrayList<>(topics.sendCorrections("c", 30));
        await().atMost(Duration.ofSeconds(120)).until(() -> Files.exists(marker));
        sent.addAll(topics.sendCorrections("d", 5));
        assertIngestedWhileRoundRuns(topics, "d4");
        crashing.destroyForcibly().waitFor();

        assertThat(published(topics, config).maxVersion()).isEqualTo(1);
        assertThat(new FileSystemModelStore(config.storeRoot()).versions(config.modelName()))
                .containsExactly(1L);

        Process restarted = TrainerChild.start(configFile, marker, "fast", dir.resolve("fast.log"));
        try {
            await().atMost(Duration.ofSeconds(180))
                    .untilAsserted(() -> assertThat(published(topics, config).inService())
                            .get()
                            .extracting(ModelVersion::getVersion, ModelVersion::getStatus)
                            .containsExactly(2L, ModelStatus.PROMOTED));
        } finally {
            restarted.destroyForcibly().waitFor();
        }
        Map<String, Long> examples = topics.trainingSetCountsByKey();
        long lost = sent.stream().filter(id -> !examples.containsKey(id)).count();
        long duplicated =
                examples.values().stream().mapToLong(count -> count - 1).sum();
        FaultReport.record(new FaultReport.Row(
                "trainer killed during training (CrashRecoveryIT)",
                sent.size(),
                "1 SIGKILL of the trainer JVM while it fine-tunes v2 (30 corrections triggered the round)",
                lost,
                duplicated,
                0,
                "after the kill: model-versions and the store hold v1 only; 5 corrections sent during the round"
                        + " reached the training set; after restart: v2 PROMOTED"));
        assertThat(lost).isZero();
        assertThat(duplicated).isZero();
    }

    private static PublishedVersions published(TrainerStack topics, TrainerConfig config) {
        try (KafkaConsumer<String, ModelVersion> consumer = topics.versionsConsumer()) {
            consumer.unsubscribe();
            return PublishedVersions.read(consumer, topics.modelVersions, config.modelName(), Duration.ofSeconds(30));
        }
    }

    /** Feedback ingestion runs on its own threads: corrections reach the training set during a round. */
    private static void assertIngestedWhileRoundRuns(TrainerStack topics, String eventId) {
        List<ConsumerRecord<String, LabelCorrection>> examples = TrainerStack.newList();
        try (KafkaConsumer<String, LabelCorrection> consumer = topics.trainingSetConsumer()) {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                TrainerStack.drain(consumer, examples);
                assertThat(examples).extracting(ConsumerRecord::key).contains(eventId);
            });
        }
    }
}
