package io.streamtune.classifier.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.classifier.memory.CorrectionMemory;
import io.streamtune.classifier.memory.MemoryClassifier;
import io.streamtune.classifier.memory.MemoryEntry;
import io.streamtune.classifier.memory.MemorySettings;
import io.streamtune.classifier.memory.WordVectorModel;
import io.streamtune.classifier.metrics.ClassifierMetrics;
import io.streamtune.classifier.reload.ModelTarget;
import io.streamtune.classifier.reload.ServingModel;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.LabelSource;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.registry.InMemorySchemaRegistryClient;
import io.streamtune.schemas.serde.ConfluentAvroSerde;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The topology with the correction memory in front of the model, as the runtime wires it. */
class CorrectionMemoryTopologyTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final TopologySettings SETTINGS =
            new TopologySettings("text-events", "classifications", "text-events-dlq", 2, 100, 1_000);

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final ConfluentAvroSerde<TextEvent> events = TopologyDriverSettings.serde(TextEvent.class, registry);
    private final ConfluentAvroSerde<Classification> classifications =
            TopologyDriverSettings.serde(Classification.class, registry);
    private final ClassifierMetrics metrics = new ClassifierMetrics();
    private final ServingModel serving = new ServingModel();
    private final CorrectionMemory memory =
            new CorrectionMemory(new MemorySettings(0.88, 100), serving, metrics, InstantSource.system());
    private final TopologyTestDriver driver = new TopologyTestDriver(
            ClassificationTopology.build(
                    SETTINGS,
                    events.deserializer(),
                    classifications.serializer(),
                    new MemoryClassifier(serving, memory),
                    metrics),
            TopologyDriverSettings.streamsProperties("memory-test"),
            START);
    private final TestInputTopic<String, byte[]> input = driver.createInputTopic(
            "text-events", new StringSerializer(), new ByteArraySerializer(), START, Duration.ZERO);
    private final TestOutputTopic<String, Classification> output =
            driver.createOutputTopic("classifications", new StringDeserializer(), classifications.deserializer());

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldGiveAnEventIdenticalToACorrectedTextTheCorrectedLabelFromMemory() {
        WordVectorModel model = new WordVectorModel(1, Set.of("great"));
        ModelTarget target = new ModelTarget("sentiment", 1, null, null, 0, true);
        memory.loaded(target, model);
        serving.swap(model);
        memory.swapped(target, model);
        memory.remember(
                List.of(new MemoryEntry("c-1", "Not great, the strap broke in a week", "neg", START.toEpochMilli())),
                Set.of());

        pipe("e-1", "Not great, the strap broke in a week");
        pipe("e-2", "great strap, sturdy and comfortable");

        Map<String, Classification> byId =
                output.readValuesToList().stream().collect(Collectors.toMap(Classification::getEventId, c -> c));
        Classification remembered = byId.get("e-1");
        assertThat(remembered.getLabel()).isEqualTo("neg");
        assertThat(remembered.getLabelSource()).isEqualTo(LabelSource.MEMORY);
        assertThat(remembered.getMemoryEventId()).isEqualTo("c-1");
        assertThat(remembered.getMemorySimilarity()).isGreaterThan(0.99);
        assertThat(remembered.getScores()).containsEntry("pos", 0.8);
        Classification unrelated = byId.get("e-2");
        assertThat(unrelated.getLabel()).isEqualTo("pos");
        assertThat(unrelated.getLabelSource()).isEqualTo(LabelSource.MODEL);
        assertThat(unrelated.getMemoryEventId()).isNull();
        assertThat(unrelated.getMemorySimilarity()).isNull();
        assertThat(metrics.memoryHits()).isEqualTo(1);
    }

    private void pipe(String id, String text) {
        TextEvent event = TextEvent.newBuilder()
                .setId(id)
                .setText(text)
                .setSource("test")
                .setEventTime(START)
                .build();
        input.pipeInput(id, events.serializer().serialize("text-events", event));
    }
}
