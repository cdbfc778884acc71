package io.streamtune.trainer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.testsupport.KafkaStack;
import io.streamtune.trainer.Trainer;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.publish.PublishedVersions;
import io.streamtune.trainer.round.Example;
import io.streamtune.trainer.tuning.WordVoteTuner;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
        Trainer.bootstrap(config, new WordVoteTuner(), initialExamples());
        Path configFile = writeProperties(settings, dir.resolve("trainer.properties"));
        Path marker = dir.resolve("round-started");

        Process crashing = startTrainer(configFile, marker, "slow", dir.resolve("slow.log"));
        sendCorrections(topics, "c", 30);
        await().atMost(Duration.ofSeconds(120)).until(() -> Files.exists(marker));
        sendCorrections(topics, "d", 5);
        assertIngestedWhileRoundRuns(topics, "d4");
        crashing.destroyForcibly().waitFor();

        assertThat(published(topics, config).maxVersion()).isEqualTo(1);
        assertThat(new FileSystemModelStore(config.storeRoot()).versions(config.modelName()))
                .containsExactly(1L);

        Process restarted = startTrainer(configFile, marker, "fast", dir.resolve("fast.log"));
        try {
            await().atMost(Duration.ofSeconds(180))
                    .untilAsserted(() -> assertThat(published(topics, config).inService())
                            .get()
                            .extracting(ModelVersion::getVersion, ModelVersion::getStatus)
                            .containsExactly(2L, ModelStatus.PROMOTED));
        } finally {
            restarted.destroyForcibly().waitFor();
        }
    }

    private static PublishedVersions published(TrainerStack topics, TrainerConfig config) {
        try (KafkaConsumer<String, ModelVersion> consumer = topics.versionsConsumer()) {
            consumer.unsubscribe();
            return PublishedVersions.read(consumer, topics.modelVersions, config.modelName(), Duration.ofSeconds(30));
        }
    }

    private static Process startTrainer(Path configFile, Path marker, String mode, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        TrainerProcessMain.class.getName(),
                        configFile.toString(),
                        marker.toString(),
                        mode)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static Path writeProperties(Map<String, Object> settings, Path file) throws IOException {
        Properties properties = new Properties();
        settings.forEach((key, value) -> properties.setProperty(key, String.valueOf(value)));
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "trainer under test");
        }
        return file;
    }

    private static List<Example> initialExamples() {
        List<Example> examples = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> examples.add(new Example("p" + i, "great lovely film " + i, "pos")));
        IntStream.range(0, 40).forEach(i -> examples.add(new Example("n" + i, "awful boring film " + i, "neg")));
        return examples;
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

    private static void sendCorrections(TrainerStack topics, String prefix, int count) {
        try (KafkaProducer<String, SpecificRecord> producer = topics.avroProducer()) {
            for (int i = 0; i < count; i++) {
                String id = prefix + i;
                producer.send(new ProducerRecord<>(
                        topics.corrections, id, FeedbackIngestionIT.correction(id, "pos", "quokka visit " + i)));
            }
            producer.flush();
        }
    }
}
