package io.streamtune.trainer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamtune.schemas.Classification;
import io.streamtune.schemas.FeedbackKind;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.testsupport.KafkaStack;
import io.streamtune.trainer.TrainerClients;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.feedback.DeadLetters;
import io.streamtune.trainer.feedback.FeedbackSettings;
import io.streamtune.trainer.feedback.FeedbackTopology;
import io.streamtune.trainer.round.Example;
import io.streamtune.trainer.round.Holdout;
import io.streamtune.trainer.round.ReplaySampler;
import io.streamtune.trainer.round.RoundPlan;
import io.streamtune.trainer.round.TrainingSetCache;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feedback ingestion end to end on a real broker and registry: corrections in, training set and dead letters out;
 * the kind of each label kept, so a round's plan trains on confirmations and holds the audits out.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class FeedbackIngestionIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    @TempDir
    Path dir;

    @Test
    void shouldTurnCorrectionsIntoTrainingSetAndDeadLetterBadOnes() throws Exception {
        TrainerStack topics = new TrainerStack(STACK);
        Map<String, Object> settings = topics.settings(dir.resolve("models"));
        settings.put(TrainerConfig.FEEDBACK_JOIN_MAX_WAIT_MS, "3000");
        settings.put(TrainerConfig.FEEDBACK_JOIN_CHECK_INTERVAL_MS, "500");
        TrainerConfig config = new TrainerConfig(settings);
        TrainerClients clients = new TrainerClients(config);

        try (KafkaStreams streams = new KafkaStreams(
                        FeedbackTopology.build(
                                config.topics(),
                                FeedbackSettings.from(config),
                                clients.correctionDeserializer(),
                                clients.classificationDeserializer(),
                                clients.trainingSetSerializer()),
                        clients.streamsProperties());
                KafkaProducer<String, SpecificRecord> producer = topics.avroProducer();
                KafkaProducer<String, byte[]> raw = topics.rawProducer()) {
            streams.start();
            producer.send(new ProducerRecord<>(topics.corrections, "e1", correction("e1", "pos", "lovely day")));
            producer.send(new ProducerRecord<>(topics.corrections, "e2", correction("e2", "neg", null)));
            producer.send(new ProducerRecord<>(topics.classifications, "e2", classification("e2", "so dull")));
            producer.send(new ProducerRecord<>(topics.corrections, "e3", correction("e3", "meh", "whatever")));
            producer.send(new ProducerRecord<>(topics.corrections, "e4", correction("e4", "pos", null)));
            raw.send(new ProducerRecord<>(topics.corrections, "e5", "garbage".getBytes(StandardCharsets.UTF_8)));
            producer.flush();
            raw.flush();

            assertTrainingSet(topics);
            assertDeadLetters(topics);
        }
    }

    @Test
    void shouldKeepTheKindSoConfirmationsTrainAndAuditsFormTheAuditHoldout() throws Exception {
        TrainerStack topics = new TrainerStack(STACK);
        TrainerConfig config = new TrainerConfig(topics.settings(dir.resolve("models")));
        TrainerClients clients = new TrainerClients(config);

        try (KafkaStreams streams = new KafkaStreams(
                        FeedbackTopology.build(
                                config.topics(),
                                FeedbackSettings.from(config),
                                clients.correctionDeserializer(),
                                clients.classificationDeserializer(),
                                clients.trainingSetSerializer()),
                        clients.streamsProperties());
                KafkaProducer<String, SpecificRecord> producer = topics.avroProducer();
                KafkaConsumer<String, LabelCorrection> rounds = clients.trainingSetConsumer()) {
            streams.start();
            send(producer, topics, correction("k1", "neg", "dreadful queue"));
            send(producer, topics, kind(correction("c1", "pos", "lovely staff"), FeedbackKind.CONFIRMATION));
            send(producer, topics, kind(correction("c2", "pos", null), FeedbackKind.CONFIRMATION));
            send(producer, topics, kind(correction("a1", "neg", "cold soup"), FeedbackKind.AUDIT));
            send(producer, topics, kind(correction("a2", "pos", null), FeedbackKind.AUDIT));
            producer.send(new ProducerRecord<>(topics.classifications, "c2", classification("c2", "kind words")));
            producer.send(new ProducerRecord<>(topics.classifications, "a2", classification("a2", "warm bread")));
            producer.flush();

            TrainingSetCache cache =
                    new TrainingSetCache(rounds, config.topics().trainingSet(), Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                cache.poll(Duration.ofMillis(200));
                assertThat(cache.snapshot().fresh())
                        .extracting(e -> e.eventId() + ":" + e.kind() + ":" + e.text())
                        .containsExactlyInAnyOrder(
                                "k1:CORRECTION:dreadful queue",
                                "c1:CONFIRMATION:lovely staff",
                                "c2:CONFIRMATION:kind words",
                                "a1:AUDIT:cold soup",
                                "a2:AUDIT:warm bread");
            });
            Holdout holdout = new Holdout(config.holdoutFraction());
            TrainingSetCache.Snapshot snapshot = cache.snapshot();
            RoundPlan plan = RoundPlan.of(snapshot.earlier(), snapshot.fresh(), holdout, new ReplaySampler(0), 1);

            assertThat(cache.freshCount()).isEqualTo(3);
            assertThat(plan.auditHoldout()).extracting(Example::eventId).containsExactlyInAnyOrder("a1", "a2");
            assertThat(plan.train()).extracting(Example::eventId).doesNotContain("a1", "a2");
            assertThat(plan.holdout()).extracting(Example::eventId).doesNotContain("a1", "a2");
            for (String confirmation : List.of("c1", "c2")) {
                assertThat(holdout.isHeldOut(confirmation) ? plan.holdout() : plan.train())
                        .extracting(Example::eventId)
                        .contains(confirmation);
            }
        }
    }

    private static void send(KafkaProducer<String, SpecificRecord> producer, TrainerStack topics, LabelCorrection c) {
        producer.send(new ProducerRecord<>(topics.corrections, c.getEventId(), c));
    }

    private static LabelCorrection kind(LabelCorrection correction, FeedbackKind kind) {
        return LabelCorrection.newBuilder(correction).setKind(kind).build();
    }

    private static void assertTrainingSet(TrainerStack topics) {
        List<ConsumerRecord<String, LabelCorrection>> examples = TrainerStack.newList();
        try (KafkaConsumer<String, LabelCorrection> consumer = topics.trainingSetConsumer()) {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                TrainerStack.drain(consumer, examples);
                assertThat(examples)
                        .extracting(r -> r.key() + "=" + r.value().getLabel() + ":"
                                + r.value().getText())
                        .containsExactlyInAnyOrder("e1=pos:lovely day", "e2=neg:so dull");
            });
        }
    }

    private static void assertDeadLetters(TrainerStack topics) {
        List<ConsumerRecord<byte[], byte[]>> dead = TrainerStack.newList();
        try (KafkaConsumer<byte[], byte[]> consumer = topics.deadLetterConsumer()) {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                TrainerStack.drain(consumer, dead);
                assertThat(dead)
                        .extracting(
                                r -> new String(r.key(), StandardCharsets.UTF_8) + "=" + header(r, DeadLetters.REASON))
                        .containsExactlyInAnyOrder("e3=UNKNOWN_LABEL", "e4=EVENT_NEVER_SEEN", "e5=MALFORMED");
            });
        }
        assertThat(dead).allSatisfy(record -> {
            assertThat(header(record, DeadLetters.SOURCE_TOPIC)).isEqualTo(topics.corrections);
            assertThat(header(record, DeadLetters.SOURCE_PARTITION)).isEqualTo("0");
            assertThat(header(record, DeadLetters.SOURCE_OFFSET)).isNotBlank();
            assertThat(header(record, DeadLetters.EXCEPTION_CLASS)).isNotBlank();
            assertThat(header(record, DeadLetters.EXCEPTION_MESSAGE)).isNotBlank();
        });
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static LabelCorrection correction(String eventId, String label, String text) {
        return LabelCorrection.newBuilder()
                .setEventId(eventId)
                .setLabel(label)
                .setText(text)
                .setAnnotator("alice")
                .setCorrectedTime(Instant.now())
                .build();
    }

    static Classification classification(String eventId, String text) {
        Instant now = Instant.now();
        return Classification.newBuilder()
                .setEventId(eventId)
                .setText(text)
                .setLabel("pos")
                .setConfidence(0.6)
                .setScores(Map.of("neg", 0.4, "pos", 0.6))
                .setModelName("it")
                .setModelVersion(1L)
                .setTruncated(false)
                .setEventTime(now)
                .setClassifiedTime(now)
                .setInferenceMillis(1L)
                .setQueueMillis(0L)
                .setBatchSize(1)
                .build();
    }
}
