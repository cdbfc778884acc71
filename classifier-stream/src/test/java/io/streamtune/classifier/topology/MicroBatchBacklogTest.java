package io.streamtune.classifier.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.classifier.metrics.ClassifierMetrics;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.registry.InMemorySchemaRegistryClient;
import io.streamtune.schemas.serde.ConfluentAvroSerde;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
    private final ConfluentAvroSerde<TextEvent> events = TopologyDriverSettings.serde(TextEvent.class, registry);
    private final FakeClassifier classifier = new FakeClassifier();
    private final TopologyTestDriver driver = new TopologyTestDriver(
            ClassificationTopology.build(
                    new TopologySettings("text-events", "classifications", "text-events-dlq", BATCH, WAIT_MS, 1_000),
                    events.deserializer(),
                    TopologyDriverSettings.serde(Classification.class, registry).serializer(),
                    classifier,
                    new ClassifierMetrics()),
            TopologyDriverSettings.streamsProperties("classifier-backlog-test"),
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
}
