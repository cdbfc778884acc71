package io.streamtune.trainer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.classify.ClassifierSettings;
import io.streamtune.model.classify.DjlTextClassifier;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.testsupport.KafkaStack;
import io.streamtune.trainer.Trainer;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.round.Example;
import io.streamtune.trainer.round.ExampleFile;
import io.streamtune.trainer.round.RoundOutcome;
import io.streamtune.trainer.tuning.DjlModelTuner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * Bootstrap and one correction-triggered round with the real BERT (tiny: a few dozen sentiment examples, one
 * epoch, 32 tokens), on the real broker and registry: the whole trainer path minus the classifier.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class RealModelRoundIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    @TempDir
    Path dir;

    @Test
    void shouldBootstrapWithBertAndPublishAGatedVersionFromCorrections() throws Exception {
        TrainerStack topics = new TrainerStack(STACK);
        Map<String, Object> settings = topics.settings(dir.resolve("models"));
        settings.put(TrainerConfig.ROUND_TRIGGER_CORRECTIONS, "10");
        settings.put(TrainerConfig.TRAINING_EPOCHS, "1");
        settings.put(TrainerConfig.TRAINING_MAX_LENGTH, "32");
        settings.put(TrainerConfig.GATE_MARGIN, "0.05");
        TrainerConfig config = new TrainerConfig(settings);
        DjlModelTuner tuner = new DjlModelTuner(ClassifierSettings.defaults().withMaxLength(32));
        List<Example> stream = ExampleFile.read(Path.of("../data/uci_sentiment.jsonl"), "stream");

        RoundOutcome first = Trainer.bootstrap(config, tuner, stream.subList(0, 64));
        assertThat(first.version()).isEqualTo(1);

        try (Trainer trainer = Trainer.start(config, tuner, fatal -> {})) {
            sendCorrections(topics, stream.subList(64, 80));
            ModelVersion decision = awaitDecision(topics, 2);

            assertThat(decision.getParentVersion()).isEqualTo(1L);
            assertThat(decision.getMetrics()).containsKeys("accuracy", "macroF1", "inService.accuracy");
            assertThat(trainer.metrics().value("round-step")).isPositive();
            System.out.printf(
                    "round 2: %s, holdout accuracy %.3f (in service %.3f)%n",
                    decision.getStatus(),
                    decision.getMetrics().get("accuracy"),
                    decision.getMetrics().get("inService.accuracy"));
            Path folder = new FileSystemModelStore(config.storeRoot())
                    .resolve(config.modelName(), 2)
                    .folder();
            try (DjlTextClassifier classifier = DjlTextClassifier.load(folder, ClassifierSettings.defaults())) {
                assertThat(classifier.classify(List.of("I loved it")).get(0).label())
                        .isIn("neg", "pos");
            }
        }
    }

    private static void sendCorrections(TrainerStack topics, List<Example> examples) {
        try (KafkaProducer<String, SpecificRecord> producer = topics.avroProducer()) {
            for (Example example : examples) {
                producer.send(new ProducerRecord<>(
                        topics.corrections,
                        example.eventId(),
                        FeedbackIngestionIT.correction(example.eventId(), example.label(), example.text())));
            }
            producer.flush();
        }
    }

    private static ModelVersion awaitDecision(TrainerStack topics, long version) {
        List<ConsumerRecord<String, ModelVersion>> records = TrainerStack.newList();
        try (KafkaConsumer<String, ModelVersion> consumer = topics.versionsConsumer()) {
            await().atMost(Duration.ofMinutes(5)).untilAsserted(() -> {
                TrainerStack.drain(consumer, records);
                assertThat(records)
                        .map(ConsumerRecord::value)
                        .anyMatch(v -> v.getVersion() == version && v.getStatus() != ModelStatus.CANDIDATE);
            });
        }
        return records.stream()
                .map(ConsumerRecord::value)
                .filter(v -> v.getVersion() == version && v.getStatus() != ModelStatus.CANDIDATE)
                .findFirst()
                .orElseThrow();
    }
}
