package io.streamtune.trainer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.schemas.FeedbackKind;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.testsupport.KafkaStack;
import io.streamtune.trainer.Trainer;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.publish.PublisherFencedException;
import io.streamtune.trainer.round.Example;
import io.streamtune.trainer.round.RoundOutcome;
import io.streamtune.trainer.tuning.WordVoteTuner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
 * Bootstrap, a correction-triggered round and fencing, with the real broker and registry and a word-vote stand-in
 * for BERT (the real model is exercised by the model module and the closed-loop test).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PublishingIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    @TempDir
    Path dir;

    private final WordVoteTuner tuner = new WordVoteTuner();

    @Test
    void shouldBootstrapThenPublishAVersionTrainedOnNewCorrections() throws Exception {
        TrainerStack topics = new TrainerStack(STACK);
        TrainerConfig config = config(topics, "a");

        RoundOutcome first = Trainer.bootstrap(config, tuner, initialExamples());
        assertThat(first.version()).isEqualTo(1);
        try (Trainer trainer = Trainer.start(config, tuner, fatal -> {})) {
            sendAuditsAndAwaitThem(topics, 10);
            sendCorrections(topics, "c", 30);

            List<ModelVersion> versions = awaitDecision(topics, 2);
            ModelVersion second = decisionOf(versions, 2);
            assertThat(second.getStatus()).isEqualTo(ModelStatus.PROMOTED);
            assertThat(second.getMetrics())
                    .containsEntry("auditHoldout.examples", 10.0)
                    .containsKeys(
                            "accuracy",
                            "examples",
                            "auditHoldout.accuracy",
                            "auditHoldout.macroF1",
                            "inService.auditHoldout.accuracy",
                            "inService.auditHoldout.macroF1");
            assertThat(second.getMetrics().get("auditHoldout.accuracy"))
                    .as("the audited quokka texts: v2 learned them from the corrections, v1 never saw the word")
                    .isGreaterThan(second.getMetrics().get("inService.auditHoldout.accuracy"));
            assertThat(second.getParentVersion()).isEqualTo(1L);
            assertThat(statusesOf(versions, 2)).containsExactly(ModelStatus.CANDIDATE, ModelStatus.PROMOTED);
            assertThat(new FileSystemModelStore(config.storeRoot())
                            .resolve(config.modelName(), 2)
                            .manifestSha256())
                    .isEqualTo(second.getSha256());
            assertThat(tuner.predict(
                            new FileSystemModelStore(config.storeRoot()).resolve(config.modelName(), 2),
                            config.labels(),
                            "a quokka"))
                    .isEqualTo("pos");
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(trainer.metrics().value("rounds-promoted-total"))
                            .isEqualTo(1.0));
        }
    }

    @Test
    void shouldFenceTheFirstTrainerWhenASecondOneStarts() throws Exception {
        TrainerStack topics = new TrainerStack(STACK);
        Trainer.bootstrap(config(topics, "a"), tuner, initialExamples());
        List<RuntimeException> fatalOfFirst = new CopyOnWriteArrayList<>();

        try (Trainer first = Trainer.start(config(topics, "a"), tuner, fatalOfFirst::add);
                Trainer second = Trainer.start(config(topics, "b"), tuner, fatal -> {})) {
            sendCorrections(topics, "c", 30);

            await().atMost(Duration.ofSeconds(120))
                    .untilAsserted(() ->
                            assertThat(fatalOfFirst).singleElement().isInstanceOf(PublisherFencedException.class));
            List<ModelVersion> versions = awaitDecision(topics, 2, 3);
            Map<Long, List<ModelStatus>> byVersion = versions.stream()
                    .collect(Collectors.groupingBy(
                            ModelVersion::getVersion,
                            Collectors.mapping(ModelVersion::getStatus, Collectors.toList())));
            byVersion.values().forEach(statuses -> assertThat(statuses).hasSize(2));
            assertThat(first.metrics().value("rounds-promoted-total")).isZero();
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(second.metrics().value("rounds-promoted-total"))
                            .isEqualTo(1.0));
        }
    }

    private TrainerConfig config(TrainerStack topics, String instance) {
        Map<String, Object> settings = topics.settings(dir.resolve("models"));
        settings.put("kafka.state.dir", dir.resolve("state-" + instance).toString());
        settings.put(TrainerConfig.ROUND_TRIGGER_CORRECTIONS, "20");
        settings.put(TrainerConfig.ROUND_RETRY_BACKOFF_MS, "500");
        return new TrainerConfig(settings);
    }

    private static List<Example> initialExamples() {
        List<Example> examples = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> examples.add(new Example("p" + i, "great lovely film " + i, "pos")));
        IntStream.range(0, 40).forEach(i -> examples.add(new Example("n" + i, "awful boring film " + i, "neg")));
        return examples;
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

    /** Sends audit labels and waits until the training set holds them, so the round that follows sees them. */
    private static void sendAuditsAndAwaitThem(TrainerStack topics, int count) {
        try (KafkaProducer<String, SpecificRecord> producer = topics.avroProducer()) {
            for (int i = 0; i < count; i++) {
                LabelCorrection audit = LabelCorrection.newBuilder(
                                FeedbackIngestionIT.correction("audit" + i, "pos", "quokka audit " + i))
                        .setKind(FeedbackKind.AUDIT)
                        .build();
                producer.send(new ProducerRecord<>(topics.corrections, audit.getEventId(), audit));
            }
            producer.flush();
        }
        List<ConsumerRecord<String, LabelCorrection>> examples = TrainerStack.newList();
        try (KafkaConsumer<String, LabelCorrection> consumer = topics.trainingSetConsumer()) {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                TrainerStack.drain(consumer, examples);
                assertThat(examples)
                        .filteredOn(r -> r.value().getKind() == FeedbackKind.AUDIT)
                        .hasSize(count);
            });
        }
    }

    /** Waits until any of the versions has a decision record; returns every version record read. */
    private static List<ModelVersion> awaitDecision(TrainerStack topics, long... anyOf) {
        List<ConsumerRecord<String, ModelVersion>> records = TrainerStack.newList();
        try (KafkaConsumer<String, ModelVersion> consumer = topics.versionsConsumer()) {
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                TrainerStack.drain(consumer, records);
                assertThat(records)
                        .map(ConsumerRecord::value)
                        .anyMatch(v -> v.getStatus() != ModelStatus.CANDIDATE
                                && java.util.Arrays.stream(anyOf).anyMatch(n -> n == v.getVersion()));
            });
            await().pollDelay(Duration.ofSeconds(2)).until(() -> {
                TrainerStack.drain(consumer, records);
                return true;
            });
        }
        return records.stream().map(ConsumerRecord::value).toList();
    }

    private static ModelVersion decisionOf(List<ModelVersion> versions, long version) {
        return versions.stream()
                .filter(v -> v.getVersion() == version && v.getStatus() != ModelStatus.CANDIDATE)
                .findFirst()
                .orElseThrow();
    }

    private static List<ModelStatus> statusesOf(List<ModelVersion> versions, long version) {
        return versions.stream()
                .filter(v -> v.getVersion() == version)
                .map(ModelVersion::getStatus)
                .toList();
    }
}
