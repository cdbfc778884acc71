package io.streamtune.classifier.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.classifier.deadletter.DeadLetterHeaders;
import io.streamtune.classifier.deadletter.DeadLetterReason;
import io.streamtune.classifier.inference.ModelUnavailableException;
import io.streamtune.classifier.metrics.ClassifierMetrics;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.registry.InMemorySchemaRegistryClient;
import io.streamtune.schemas.serde.ConfluentAvroSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClassificationTopologyTest {

    private static final int BATCH = 3;
    private static final long WAIT_MS = 200;
    private static final int MAX_BYTES = 1_000;
    private static final TopologySettings SETTINGS =
            new TopologySettings("text-events", "classifications", "text-events-dlq", BATCH, WAIT_MS, MAX_BYTES);
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final ConfluentAvroSerde<TextEvent> events = TopologyDriverSettings.serde(TextEvent.class, registry);
    private final ConfluentAvroSerde<Classification> classifications =
            TopologyDriverSettings.serde(Classification.class, registry);
    private final FakeClassifier classifier = new FakeClassifier();
    private final ClassifierMetrics metrics = new ClassifierMetrics();
    private final TopologyTestDriver driver = new TopologyTestDriver(
            ClassificationTopology.build(
                    SETTINGS, events.deserializer(), classifications.serializer(), classifier, metrics),
            TopologyDriverSettings.streamsProperties("classifier-test"),
            START);
    private final TestInputTopic<String, byte[]> input = driver.createInputTopic(
            "text-events", new StringSerializer(), new ByteArraySerializer(), START, Duration.ZERO);
    private final TestOutputTopic<String, Classification> output =
            driver.createOutputTopic("classifications", new StringDeserializer(), classifications.deserializer());
    private final TestOutputTopic<String, byte[]> deadLetters =
            driver.createOutputTopic("text-events-dlq", new StringDeserializer(), new ByteArrayDeserializer());

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldClassifyEveryEventOfAFullBatchWithAllFields() {
        pipe("e-1", "a good film");
        pipe("e-2", "a bad film");
        pipe("e-3", "good good good");

        List<TestRecord<String, Classification>> results = output.readRecordsToList();

        assertThat(results).extracting(TestRecord::key).containsExactly("e-1", "e-2", "e-3");
        Classification first = results.get(0).value();
        assertThat(first.getEventId()).isEqualTo("e-1");
        assertThat(first.getText()).isEqualTo("a good film");
        assertThat(first.getLabel()).isEqualTo("positive");
        assertThat(first.getConfidence()).isEqualTo(0.9);
        assertThat(first.getScores()).containsOnlyKeys("positive", "negative");
        assertThat(first.getModelName()).isEqualTo(FakeClassifier.MODEL);
        assertThat(first.getModelVersion()).isEqualTo(1);
        assertThat(first.getTruncated()).isFalse();
        assertThat(first.getEventTime()).isEqualTo(START.minusSeconds(1));
        assertThat(first.getClassifiedTime()).isEqualTo(START);
        assertThat(first.getBatchSize()).isEqualTo(BATCH);
        assertThat(results.get(1).value().getLabel()).isEqualTo("negative");
        assertThat(classifier.batchSizes()).containsExactly(BATCH);
    }

    @Test
    void shouldHoldAnIncompleteBatchInTheStoreUntilTheWaitElapses() {
        pipe("e-1", "good");
        pipe("e-2", "bad");

        assertThat(output.isEmpty()).isTrue();
        KeyValueStore<Long, ?> store = driver.getKeyValueStore(ClassificationTopology.STORE);
        assertThat(store.approximateNumEntries()).isEqualTo(2);

        driver.advanceWallClockTime(Duration.ofMillis(WAIT_MS));

        List<TestRecord<String, Classification>> results = output.readRecordsToList();
        assertThat(results).extracting(TestRecord::key).containsExactly("e-1", "e-2");
        assertThat(results.get(0).value().getQueueMillis()).isEqualTo(WAIT_MS);
        assertThat(results.get(0).value().getBatchSize()).isEqualTo(2);
        assertThat(store.approximateNumEntries()).isZero();
    }

    @Test
    void shouldWriteAcceptedRecordsToTheStoreChangelogBeforeClassifying() {
        pipe("e-1", "good");

        assertThat(driver.producedTopicNames())
                .contains("classifier-test-" + ClassificationTopology.STORE + "-changelog");
        assertThat(output.isEmpty()).isTrue();
    }

    @Test
    void shouldPassKeyAndHeadersOnToTheClassification() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace-id", "abc".getBytes(StandardCharsets.UTF_8));
        input.pipeInput(new TestRecord<>("e-1", eventBytes("e-1", "good"), headers, START));

        driver.advanceWallClockTime(Duration.ofMillis(WAIT_MS));

        TestRecord<String, Classification> result = output.readRecord();
        assertThat(result.key()).isEqualTo("e-1");
        assertThat(result.headers().lastHeader("trace-id").value()).isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
        assertThat(result.timestamp()).isEqualTo(START.toEpochMilli());
    }

    @Test
    void shouldKeyTheClassificationOfAnUnkeyedEventByItsId() {
        input.pipeInput(new TestRecord<>(null, eventBytes("e-1", "good"), new RecordHeaders(), START));
        input.pipeInput(new TestRecord<>("", eventBytes("e-2", "good"), new RecordHeaders(), START));

        driver.advanceWallClockTime(Duration.ofMillis(WAIT_MS));

        List<TestRecord<String, Classification>> results = output.readRecordsToList();
        assertThat(results).extracting(TestRecord::key).containsExactly("e-1", "e-2");
        assertThat(results).extracting(r -> r.value().getEventId()).containsExactly("e-1", "e-2");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterAnEventWhoseKeyIsNotItsId() {
        input.pipeInput("other", eventBytes("e-1", "good"));
        pipeAndFlush("e-2", "good");

        TestRecord<String, byte[]> letter = deadLetters.readRecord();
        assertThat(letter.key()).isEqualTo("other");
        assertDeadLetterHeaders(letter, DeadLetterReason.KEY_MISMATCH, 0L);
        assertThat(header(letter, DeadLetterHeaders.EXCEPTION_MESSAGE)).contains("'other'", "'e-1'");
        assertThat(output.readValuesToList())
                .extracting(Classification::getEventId)
                .containsExactly("e-2");
        assertThat(metrics.deadLetters(DeadLetterReason.KEY_MISMATCH)).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterBytesWithoutMagicByteAndGoOn() {
        byte[] bad = "not avro".getBytes(StandardCharsets.UTF_8);
        input.pipeInput("bad-1", bad);
        pipeAndFlush("e-1", "good");

        TestRecord<String, byte[]> letter = deadLetters.readRecord();
        assertThat(letter.key()).isEqualTo("bad-1");
        assertThat(letter.value()).isEqualTo(bad);
        assertDeadLetterHeaders(letter, DeadLetterReason.UNDESERIALIZABLE, 0L);
        assertThat(header(letter, DeadLetterHeaders.EXCEPTION_CLASS)).endsWith("WireFormatException");
        assertThat(header(letter, DeadLetterHeaders.EXCEPTION_MESSAGE)).contains("NO_MAGIC_BYTE");
        assertThat(output.readRecord().key()).isEqualTo("e-1");
    }

    @Test
    void shouldDeadLetterAnUnknownSchemaIdAndATruncatedPayload() {
        byte[] good = eventBytes("e-1", "good");
        byte[] unknownId = good.clone();
        ByteBuffer.wrap(unknownId).putInt(1, 999);
        byte[] truncated = Arrays.copyOf(good, 8);

        input.pipeInput("unknown", unknownId);
        input.pipeInput("truncated", truncated);

        List<TestRecord<String, byte[]>> letters = deadLetters.readRecordsToList();
        assertThat(letters).extracting(TestRecord::key).containsExactly("unknown", "truncated");
        assertThat(header(letters.get(0), DeadLetterHeaders.EXCEPTION_MESSAGE)).contains("UNKNOWN_SCHEMA_ID");
        assertThat(header(letters.get(1), DeadLetterHeaders.EXCEPTION_MESSAGE)).contains("TRUNCATED_PAYLOAD");
        assertThat(letters.get(1).value()).isEqualTo(truncated);
        assertThat(metrics.deadLetters(DeadLetterReason.UNDESERIALIZABLE)).isEqualTo(2);
    }

    @Test
    void shouldDeadLetterNullValueEmptyTextAndOversizedText() {
        input.pipeInput("tombstone", (byte[]) null);
        pipe("empty", "   ");
        pipe("huge", "x".repeat(MAX_BYTES + 1));
        pipe("fits", "é".repeat(MAX_BYTES / 2));

        List<TestRecord<String, byte[]>> letters = deadLetters.readRecordsToList();
        assertThat(letters).extracting(TestRecord::key).containsExactly("tombstone", "empty", "huge");
        assertDeadLetterHeaders(letters.get(0), DeadLetterReason.NULL_VALUE, 0L);
        assertDeadLetterHeaders(letters.get(1), DeadLetterReason.EMPTY_TEXT, 1L);
        assertDeadLetterHeaders(letters.get(2), DeadLetterReason.TEXT_TOO_LARGE, 2L);
        assertThat(header(letters.get(2), DeadLetterHeaders.EXCEPTION_MESSAGE)).contains("1001 UTF-8 bytes");
        assertThat(metrics.deadLetters()).isEqualTo(3);
        assertThat(metrics.accepted()).isEqualTo(1);
    }

    @Test
    void shouldRetryAFailedBatchOnceAndClassifyEverything() {
        classifier.failNextCalls(1);

        pipe("e-1", "good");
        pipe("e-2", "bad");
        pipe("e-3", "good");

        assertThat(output.readRecordsToList()).hasSize(3);
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(classifier.batchSizes()).containsExactly(3, 3);
    }

    @Test
    void shouldIsolateAPoisonTextByBisectionAndDeadLetterOnlyIt() {
        pipe("e-1", "good");
        pipe("e-2", "poison pill");
        pipe("e-3", "bad");

        assertThat(output.readRecordsToList()).extracting(TestRecord::key).containsExactly("e-1", "e-3");
        TestRecord<String, byte[]> letter = deadLetters.readRecord();
        assertThat(letter.key()).isEqualTo("e-2");
        assertThat(letter.value()).isEqualTo(eventBytes("e-2", "poison pill"));
        assertDeadLetterHeaders(letter, DeadLetterReason.INFERENCE_FAILED, 1L);
        assertThat(header(letter, DeadLetterHeaders.EXCEPTION_CLASS))
                .isEqualTo(IllegalArgumentException.class.getName());
        assertThat(metrics.deadLetters(DeadLetterReason.INFERENCE_FAILED)).isEqualTo(1);
    }

    @Test
    void shouldFailTheTaskInsteadOfDeadLetteringWhenNoModelIsLoaded() {
        TopologyTestDriver withoutModel = new TopologyTestDriver(
                ClassificationTopology.build(
                        SETTINGS,
                        events.deserializer(),
                        classifications.serializer(),
                        texts -> {
                            throw new ModelUnavailableException("no model is loaded yet");
                        },
                        metrics),
                TopologyDriverSettings.streamsProperties("classifier-test"),
                START);
        try (withoutModel) {
            TestInputTopic<String, byte[]> in = withoutModel.createInputTopic(
                    "text-events", new StringSerializer(), new ByteArraySerializer(), START, Duration.ZERO);
            in.pipeInput("e-1", eventBytes("e-1", "good"));

            assertThatThrownBy(() -> withoutModel.advanceWallClockTime(Duration.ofMillis(WAIT_MS)))
                    .hasRootCauseInstanceOf(ModelUnavailableException.class);
            assertThat(withoutModel
                            .createOutputTopic("text-events-dlq", new StringDeserializer(), new ByteArrayDeserializer())
                            .isEmpty())
                    .isTrue();
            assertThat(metrics.deadLetters()).isZero();
        }
    }

    @Test
    void shouldCountAcceptedClassifiedBatchesAndLatencies() {
        for (int i = 0; i < 7; i++) {
            pipe("e-" + i, "good " + i);
        }
        driver.advanceWallClockTime(Duration.ofMillis(WAIT_MS));

        assertThat(output.readRecordsToList()).hasSize(7);
        assertThat(metrics.accepted()).isEqualTo(7);
        assertThat(metrics.classified()).isEqualTo(7);
        assertThat(metrics.batches()).isEqualTo(3);
        assertThat(metrics.batchSize().snapshot().sum()).isEqualTo(7);
        assertThat(metrics.endToEndMillis().snapshot().count()).isEqualTo(7);
        assertThat(metrics.inferenceMillis().snapshot().count()).isEqualTo(3);
    }

    private void pipe(String id, String text) {
        input.pipeInput(id, eventBytes(id, text));
    }

    private void pipeAndFlush(String id, String text) {
        pipe(id, text);
        driver.advanceWallClockTime(Duration.ofMillis(WAIT_MS));
    }

    private byte[] eventBytes(String id, String text) {
        TextEvent event = TextEvent.newBuilder()
                .setId(id)
                .setText(text)
                .setSource("test")
                .setEventTime(START.minusSeconds(1))
                .build();
        return events.serializer().serialize("text-events", event);
    }

    private static void assertDeadLetterHeaders(
            TestRecord<String, byte[]> letter, DeadLetterReason reason, long offset) {
        assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo(reason.name());
        assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("text-events");
        assertThat(header(letter, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo(String.valueOf(offset));
        assertThat(header(letter, DeadLetterHeaders.EXCEPTION_CLASS)).isNotBlank();
        assertThat(header(letter, DeadLetterHeaders.EXCEPTION_MESSAGE)).isNotBlank();
    }

    private static String header(TestRecord<String, byte[]> letter, String name) {
        return DeadLetterHeaders.read(letter.headers(), name);
    }
}
