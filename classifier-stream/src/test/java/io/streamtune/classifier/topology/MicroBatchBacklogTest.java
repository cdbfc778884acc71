package io.streamtune.classifier.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.classifier.metrics.ClassifierMetrics;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.registry.InMemorySchemaRegistryClient;
import io.streamtune.schemas.serde.AvroSerdeConfig;
import io.streamtune.schemas.serde.ConfluentAvroSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wall-clock flush under a backlog: a tick that comes late after a full batch (the thread was busy with its
 * inference) leaves the records accepted since then for the next tick, so that a saturated stream keeps running full
 * batches; every other tick flushes what is pending.
 */
class MicroBatchBacklogTest {

    private static final int BATCH = 3;
    private static final long WAIT_MS = 200;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final ConfluentAvroSerde<TextEvent> events = serde(TextEvent.class);
    private final FakeClassifier classifier = new FakeClassifier();
    private final TopologyTestDriver driver = new TopologyTestDriver(
            ClassificationTopology.build(
                    new TopologySettings("text-events", "classifications", "text-events-dlq", BATCH, WAIT_MS, 1_000),
                    events.deserializer(),
                    serde(Classification.class).serializer(),
                    classifier,
                    new ClassifierMetrics()),
            streamsProperties(),
            START);
    private final TestInputTopic<String, byte[]> input = driver.createInputTopic(
            "text-events", new StringSerializer(), new ByteArraySerializer(), START, Duration.ZERO);

    @BeforeEach
    void firstTick() {
        driver.advanceWallClockTime(Duration.ofMillis(WAIT_MS));
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldLeaveRecordsToTheNextTickWhenATickComesLateAfterAFullBatch() {
        pipeRecords(BATCH + 1);

        driver.advanceWallClockTime(Duration.ofMillis(3 * WAIT_MS));
        assertThat(classifier.batchSizes()).containsExactly(BATCH);

        driver.advanceWallClockTime(Duration.ofMillis(WAIT_MS));
        assertThat(classifier.batchSizes()).containsExactly(BATCH, 1);
    }

    @Test
    void shouldFlushOnATickInTimeAfterAFullBatch() {
        pipeRecords(BATCH + 1);

        driver.advanceWallClockTime(Duration.ofMillis(WAIT_MS));

        assertThat(classifier.batchSizes()).containsExactly(BATCH, 1);
    }

    @Test
    void shouldFlushOnALateTickWithoutAFullBatch() {
        pipeRecords(1);

        driver.advanceWallClockTime(Duration.ofMillis(3 * WAIT_MS));

        assertThat(classifier.batchSizes()).containsExactly(1);
    }

    private void pipeRecords(int count) {
        for (int i = 0; i < count; i++) {
            TextEvent event = TextEvent.newBuilder()
                    .setId("e-" + i)
                    .setText("good " + i)
                    .setSource("test")
                    .setEventTime(START)
                    .build();
            input.pipeInput("e-" + i, events.serializer().serialize("text-events", event));
        }
    }

    private <T extends org.apache.avro.specific.SpecificRecord> ConfluentAvroSerde<T> serde(Class<T> type) {
        ConfluentAvroSerde<T> serde = new ConfluentAvroSerde<>(type, registry);
        serde.configure(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true), false);
        return serde;
    }

    private static Properties streamsProperties() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "classifier-backlog-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        try {
            properties.put(
                    StreamsConfig.STATE_DIR_CONFIG,
                    Files.createTempDirectory("classifier-backlog-test").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
