package io.streamtune.trainer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamtune.schemas.Classification;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.testsupport.KafkaStack;
import io.streamtune.trainer.TrainerClients;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.feedback.DeadLetters;
import io.streamtune.trainer.feedback.FeedbackSettings;
import io.streamtune.trainer.feedback.FeedbackTopology;
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

/** Feedback ingestion end to end on a real broker and registry: corrections in, training set and dead letters out. */
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
