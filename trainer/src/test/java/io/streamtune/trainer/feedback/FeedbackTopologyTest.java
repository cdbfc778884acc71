package io.streamtune.trainer.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.schemas.Classification;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.Topics;
import io.streamtune.schemas.registry.InMemorySchemaRegistryClient;
import io.streamtune.schemas.serde.ConfluentAvroSerde;
import io.streamtune.trainer.config.TrainerTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedbackTopologyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration MAX_WAIT = Duration.ofMinutes(5);

    private final ConfluentAvroSerde<LabelCorrection> corrections;
    private final ConfluentAvroSerde<Classification> classifications;
    private TopologyTestDriver driver;
    private TestInputTopic<String, LabelCorrection> correctionsIn;
    private TestInputTopic<String, byte[]> rawCorrectionsIn;
    private TestInputTopic<String, Classification> classificationsIn;
    private TestOutputTopic<String, LabelCorrection> trainingSet;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    FeedbackTopologyTest() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", "http://unused", "auto.register.schemas", true);
        corrections = new ConfluentAvroSerde<>(LabelCorrection.class, registry);
        corrections.configure(serdeConfig, false);
        classifications = new ConfluentAvroSerde<>(Classification.class, registry);
        classifications.configure(serdeConfig, false);
    }

    @BeforeEach
    void startDriver() {
        start(new FeedbackSettings(
                List.of("neg", "pos"), false, Set.of(), 0, MAX_WAIT, Duration.ofSeconds(10), Duration.ofDays(7)));
    }

    private void start(FeedbackSettings settings) {
        if (driver != null) {
            driver.close();
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "feedback-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(
                FeedbackTopology.build(
                        TrainerTopics.defaults(),
                        settings,
                        corrections.deserializer(),
                        classifications.deserializer(),
                        corrections.serializer()),
                props,
                T0);
        correctionsIn = driver.createInputTopic(
                Topics.LABEL_CORRECTIONS, new StringSerializer(), corrections.serializer(), T0, Duration.ofSeconds(1));
        rawCorrectionsIn = driver.createInputTopic(
                Topics.LABEL_CORRECTIONS, new StringSerializer(), new ByteArraySerializer(), T0, Duration.ofSeconds(1));
        classificationsIn = driver.createInputTopic(
                Topics.CLASSIFICATIONS,
                new StringSerializer(),
                classifications.serializer(),
                T0,
                Duration.ofSeconds(1));
        trainingSet =
                driver.createOutputTopic(Topics.TRAINING_SET, new StringDeserializer(), corrections.deserializer());
        deadLetters = driver.createOutputTopic(
                Topics.LABEL_CORRECTIONS_DLQ, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldWriteCorrectionWithTextToTrainingSet() {
        correctionsIn.pipeInput("e1", correction("e1", "pos", "great stuff", "alice", 1));

        TestRecord<String, LabelCorrection> example = trainingSet.readRecord();
        assertThat(example.key()).isEqualTo("e1");
        assertThat(example.value().getText()).isEqualTo("great stuff");
        assertThat(example.value().getLabel()).isEqualTo("pos");
        assertThat(example.value().getAnnotator()).isEqualTo("alice");
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(metric("accepted-total")).isEqualTo(1.0);
    }

    @Test
    void shouldDropRepeatedCorrection() {
        correctionsIn.pipeInput("e1", correction("e1", "pos", "great stuff", "alice", 1));
        correctionsIn.pipeInput("e1", correction("e1", "pos", "great stuff", "alice", 1));

        assertThat(trainingSet.readValuesToList()).hasSize(1);
        assertThat(metric("superseded-total")).isEqualTo(1.0);
    }

    @Test
    void shouldKeepLatestCorrectionAndItsAnnotatorWhenOlderOneArrivesLater() {
        correctionsIn.pipeInput("e1", correction("e1", "neg", "meh", "alice", 10));
        correctionsIn.pipeInput("e1", correction("e1", "pos", "meh", "bob", 20));
        correctionsIn.pipeInput("e1", correction("e1", "neg", "meh", "carol", 15));

        List<LabelCorrection> examples = trainingSet.readValuesToList();
        assertThat(examples).extracting(LabelCorrection::getAnnotator).containsExactly("alice", "bob");
        assertThat(examples.get(1).getLabel()).isEqualTo("pos");
    }

    @Test
    void shouldDeadLetterLabelOutsideTheLabelSet() {
        correctionsIn.pipeInput("e1", correction("e1", "neutral", "meh", "alice", 1));

        assertThat(trainingSet.isEmpty()).isTrue();
        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(header(dead, DeadLetters.REASON)).isEqualTo("UNKNOWN_LABEL");
        assertThat(header(dead, DeadLetters.EXCEPTION_MESSAGE)).contains("neutral");
        assertThat(metric("dead-lettered-total")).isEqualTo(1.0);
    }

    @Test
    void shouldDeadLetterMalformedBytesWithReasonHeaders() {
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
        rawCorrectionsIn.pipeInput("e1", garbage);

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(dead.key()).isEqualTo("e1".getBytes(StandardCharsets.UTF_8));
        assertThat(header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.LABEL_CORRECTIONS);
        assertThat(header(dead, DeadLetters.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(dead, DeadLetters.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(header(dead, DeadLetters.EXCEPTION_CLASS)).endsWith("WireFormatException");
        assertThat(header(dead, DeadLetters.EXCEPTION_MESSAGE)).contains("NO_MAGIC_BYTE");
        assertThat(header(dead, DeadLetters.REASON)).isEqualTo("MALFORMED");
    }

    @Test
    void shouldDeadLetterATombstoneOnClassifications() {
        classificationsIn.pipeInput("e1", null);

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(dead.value()).isNull();
        assertThat(header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.CLASSIFICATIONS);
        assertThat(header(dead, DeadLetters.REASON)).isEqualTo("MALFORMED");
        assertThat(header(dead, DeadLetters.EXCEPTION_MESSAGE)).contains("tombstone");
    }

    @Test
    void shouldDeadLetterCorrectionWhoseKeyIsNotItsEventId() {
        correctionsIn.pipeInput("other", correction("e1", "pos", "great", "alice", 1));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(header(dead, DeadLetters.REASON)).isEqualTo("KEY_MISMATCH");
        assertThat(header(dead, DeadLetters.EXCEPTION_MESSAGE)).contains("'other'", "e1");
        assertThat(dead.key()).isEqualTo("other".getBytes(StandardCharsets.UTF_8));
        assertThat(trainingSet.isEmpty()).isTrue();
    }

    @Test
    void shouldJoinUnkeyedIdOnlyCorrectionWithTheClassificationOfItsEventId() {
        classificationsIn.pipeInput("e1", classification("e1", "what a film", "neg"));
        correctionsIn.pipeInput((String) null, correction("e1", "pos", null, "alice", 1));

        TestRecord<String, LabelCorrection> example = trainingSet.readRecord();
        assertThat(example.key()).isEqualTo("e1");
        assertThat(example.value().getText()).isEqualTo("what a film");
        assertThat(example.value().getLabel()).isEqualTo("pos");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldAcceptCorrectionsWithAnEmptyKeyOrNoKeyAsTheirEventId() {
        correctionsIn.pipeInput("", correction("e1", "pos", "great", "alice", 1));
        correctionsIn.pipeInput((String) null, correction("e2", "neg", "awful", "alice", 2));
        classificationsIn.pipeInput("e3", classification("e3", "so so", "neg"));
        correctionsIn.pipeInput((String) null, correction("e3", "pos", null, "bob", 3));

        assertThat(trainingSet.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("e1", "e2", "e3");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldMatchUnkeyedCorrectionsByEventIdUnderARateLimit() {
        start(new FeedbackSettings(
                List.of("neg", "pos"), false, Set.of(), 1, MAX_WAIT, Duration.ofSeconds(10), Duration.ofDays(7)));
        classificationsIn.pipeInput("e1", classification("e1", "what a film", "neg"));

        correctionsIn.pipeInput((String) null, correction("e1", "pos", null, "alice", 1));
        correctionsIn.pipeInput((String) null, correction("e2", "pos", "b", "alice", 2));
        correctionsIn.pipeInput("wrong", correction("e3", "pos", "c", "bob", 3));

        List<TestRecord<String, LabelCorrection>> examples = trainingSet.readRecordsToList();
        assertThat(examples).extracting(TestRecord::key).containsExactly("e1");
        assertThat(examples.get(0).value().getText()).isEqualTo("what a film");
        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).extracting(r -> header(r, DeadLetters.REASON)).containsExactly("RATE_LIMITED", "KEY_MISMATCH");
        assertThat(dead.get(0).key()).isNull();
    }

    @Test
    void shouldJoinIdOnlyCorrectionWithEarlierClassification() {
        classificationsIn.pipeInput("e1", classification("e1", "what a film", "neg"));
        correctionsIn.pipeInput("e1", correction("e1", "pos", null, "alice", 1));

        LabelCorrection example = trainingSet.readValue();
        assertThat(example.getText()).isEqualTo("what a film");
        assertThat(example.getLabel()).isEqualTo("pos");
    }

    @Test
    void shouldJoinIdOnlyCorrectionWithLaterClassification() {
        correctionsIn.pipeInput("e1", correction("e1", "pos", null, "alice", 1));
        assertThat(trainingSet.isEmpty()).isTrue();
        assertThat(metric("waiting-total")).isEqualTo(1.0);

        classificationsIn.pipeInput("e1", classification("e1", "what a film", "neg"));

        LabelCorrection example = trainingSet.readValue();
        assertThat(example.getText()).isEqualTo("what a film");
        assertThat(example.getAnnotator()).isEqualTo("alice");
        driver.advanceWallClockTime(MAX_WAIT.multipliedBy(2));
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterIdOnlyCorrectionWhoseEventNeverArrives() {
        correctionsIn.pipeInput("e1", correction("e1", "pos", null, "alice", 1));

        driver.advanceWallClockTime(MAX_WAIT.minusSeconds(30));
        assertThat(deadLetters.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(40));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(header(dead, DeadLetters.REASON)).isEqualTo("EVENT_NEVER_SEEN");
        assertThat(header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.LABEL_CORRECTIONS);
        assertThat(header(dead, DeadLetters.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(corrections
                        .deserializer()
                        .deserialize(Topics.LABEL_CORRECTIONS, dead.value())
                        .getEventId())
                .isEqualTo("e1");
        assertThat(trainingSet.isEmpty()).isTrue();
    }

    @Test
    void shouldCompleteWaitingCorrectionWithTextOfALaterCorrection() {
        correctionsIn.pipeInput("e1", correction("e1", "pos", null, "alice", 20));
        correctionsIn.pipeInput("e1", correction("e1", "neg", "so so", "bob", 10));

        List<LabelCorrection> examples = trainingSet.readValuesToList();
        assertThat(examples).extracting(LabelCorrection::getLabel).containsExactly("neg", "pos");
        assertThat(examples.get(1).getText()).isEqualTo("so so");
    }

    @Test
    void shouldAcceptANewLabelWithOpenLabelsAndStillRefuseAMalformedOne() {
        start(new FeedbackSettings(
                List.of("neg", "pos"), true, Set.of(), 0, MAX_WAIT, Duration.ofSeconds(10), Duration.ofDays(7)));

        correctionsIn.pipeInput("e1", correction("e1", "neutral", "meh", "alice", 1));
        correctionsIn.pipeInput("e2", correction("e2", " padded", "meh", "alice", 2));
        correctionsIn.pipeInput("e3", correction("e3", "x".repeat(101), "meh", "alice", 3));

        assertThat(trainingSet.readValuesToList())
                .extracting(LabelCorrection::getLabel)
                .containsExactly("neutral");
        assertThat(deadLetters.readRecordsToList())
                .extracting(dead -> header(dead, DeadLetters.REASON))
                .containsExactly("UNKNOWN_LABEL", "UNKNOWN_LABEL");
    }

    @Test
    void shouldDeadLetterAnnotatorsNotAllowedOrOverTheirRate() {
        start(new FeedbackSettings(
                List.of("neg", "pos"),
                false,
                Set.of("alice"),
                2,
                MAX_WAIT,
                Duration.ofSeconds(10),
                Duration.ofDays(7)));

        correctionsIn.pipeInput("e0", correction("e0", "pos", "x", "mallory", 1));
        correctionsIn.pipeInput("e1", correction("e1", "pos", "a", "alice", 1));
        correctionsIn.pipeInput("e2", correction("e2", "pos", "b", "alice", 2));
        correctionsIn.pipeInput("e3", correction("e3", "pos", "c", "alice", 3));

        assertThat(trainingSet.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("e1", "e2");
        assertThat(deadLetters.readRecordsToList())
                .extracting(dead -> header(dead, DeadLetters.REASON))
                .containsExactly("ANNOTATOR_NOT_ALLOWED", "RATE_LIMITED");
    }

    @Test
    void shouldDeadLetterWithTheOriginalCoordinatesAndKeyAfterTheRepartitionByAnnotator() {
        start(new FeedbackSettings(
                List.of("neg", "pos"), false, Set.of(), 1, MAX_WAIT, Duration.ofSeconds(10), Duration.ofDays(7)));
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);

        correctionsIn.pipeInput("e1", correction("e1", "pos", "a", "alice", 1));
        correctionsIn.pipeInput("e2", correction("e2", "pos", "b", "alice", 2));
        rawCorrectionsIn.pipeInput("e3", garbage);
        correctionsIn.pipeInput("e4", correction("e4", "neg", "c", "bob", 3));

        assertThat(trainingSet.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("e1", "e4");
        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).extracting(r -> header(r, DeadLetters.REASON)).containsExactly("RATE_LIMITED", "MALFORMED");
        assertThat(dead)
                .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactly("e2", "e3");
        assertThat(dead).extracting(r -> header(r, DeadLetters.SOURCE_TOPIC)).containsOnly(Topics.LABEL_CORRECTIONS);
        assertThat(dead).extracting(r -> header(r, DeadLetters.SOURCE_OFFSET)).containsExactly("1", "2");
        assertThat(dead.get(1).value()).isEqualTo(garbage);
        assertThat(dead)
                .flatExtracting(r -> List.of(r.headers().toArray()))
                .extracting(Header::key)
                .noneMatch(key -> key.startsWith("streamtune.feedback."));
    }

    private double metric(String name) {
        return driver.metrics().entrySet().stream()
                .filter(entry -> entry.getKey().group().equals("stream-" + FeedbackMetrics.SCOPE + "-metrics"))
                .filter(entry -> entry.getKey().name().equals(name))
                .map(Map.Entry::getValue)
                .mapToDouble(metric -> ((Number) ((Metric) metric).metricValue()).doubleValue())
                .sum();
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static LabelCorrection correction(String eventId, String label, String text, String annotator, long seconds) {
        return LabelCorrection.newBuilder()
                .setEventId(eventId)
                .setLabel(label)
                .setText(text)
                .setAnnotator(annotator)
                .setCorrectedTime(T0.plusSeconds(seconds))
                .build();
    }

    static Classification classification(String eventId, String text, String label) {
        return Classification.newBuilder()
                .setEventId(eventId)
                .setText(text)
                .setLabel(label)
                .setConfidence(0.9)
                .setScores(Map.of("neg", 0.9, "pos", 0.1))
                .setModelName("sentiment")
                .setModelVersion(1L)
                .setTruncated(false)
                .setEventTime(T0)
                .setClassifiedTime(T0)
                .setInferenceMillis(1L)
                .setQueueMillis(1L)
                .setBatchSize(1)
                .build();
    }
}
