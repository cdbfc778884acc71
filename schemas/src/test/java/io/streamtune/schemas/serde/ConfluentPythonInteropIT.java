package io.streamtune.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.SampleRecords;
import io.streamtune.schemas.TextEvent;
import io.streamtune.testsupport.KafkaStack;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with Confluent's own client: Python ({@code python3-confluent-kafka}'s {@code MessageSerializer} with
 * its {@code CachedSchemaRegistryClient}) decodes, through the real registry, what Java wrote, and Java reads what
 * Python wrote. Fails when the Python client is missing under {@code CI=true}; skips otherwise.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ConfluentPythonInteropIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    private PythonConfluentClient python;

    @BeforeEach
    void requirePythonClient() {
        python = new PythonConfluentClient(workDir);
        String unavailable = python.unavailableReason();
        String hint = "; install it with: apt-get install python3-confluent-kafka python3-avro python3-requests";
        if (unavailable != null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true and " + unavailable + hint);
        }
        assumeTrue(unavailable == null, () -> "skipping Python interop: " + unavailable + hint);
    }

    @Test
    void shouldLetPythonDecodeEveryContractJavaWrote() throws JsonProcessingException {
        List<List<SpecificRecord>> batches = List.of(
                List.of(SampleRecords.textEvent("e-1")),
                List.of(SampleRecords.classification("e-1")),
                List.of(SampleRecords.labelCorrection("e-1"), SampleRecords.bareLabelCorrection("e-2")),
                List.of(SampleRecords.modelVersion(3)));

        for (List<SpecificRecord> records : batches) {
            String topic = STACK.uniqueTopic(
                    "java-to-python-" + records.get(0).getSchema().getName().toLowerCase());
            List<String> keys = records.stream()
                    .map(record -> String.valueOf(record.get(0)))
                    .toList();
            TopicIo.send(STACK.clientConfig(), topic, javaSerializer(), keys, records);

            List<JsonNode> decoded =
                    python.consume(STACK.bootstrapServers(), STACK.schemaRegistryUrl(), topic, records.size());

            assertThat(decoded).hasSameSizeAs(records);
            for (int i = 0; i < records.size(); i++) {
                assertThat(decoded.get(i).get("key").asText()).isEqualTo(keys.get(i));
                assertThat(decoded.get(i).get("value")).isEqualTo(AvroJson.tree(records.get(i)));
            }
        }
    }

    @Test
    void shouldReadTextEventsPythonWrote() {
        String topic = STACK.uniqueTopic("python-to-java-textevent");
        List<Map<String, Object>> written = List.of(
                Map.of(
                        "id",
                        "p-1",
                        "text",
                        "Paket kam beschädigt an",
                        "source",
                        "python",
                        "eventTime",
                        1_763_800_000_123L,
                        "attributes",
                        Map.of("lang", "de")),
                Map.of(
                        "id",
                        "p-2",
                        "text",
                        "refund please",
                        "source",
                        "python",
                        "eventTime",
                        1_763_800_000_456L,
                        "attributes",
                        Map.of()));

        JsonNode produced = python.produce(
                STACK.bootstrapServers(),
                STACK.schemaRegistryUrl(),
                topic,
                Path.of("src/main/avro/TextEvent.avsc"),
                lines(written),
                "id");
        List<ConsumerRecord<String, TextEvent>> read = TopicIo.read(
                STACK.clientConfig(), topic, configured(new ConfluentAvroDeserializer<>(TextEvent.class)), 2);

        assertThat(produced.get("produced").asInt()).isEqualTo(2);
        assertThat(read).extracting(ConsumerRecord::key).containsExactly("p-1", "p-2");
        assertThat(read)
                .extracting(ConsumerRecord::value)
                .containsExactly(
                        new TextEvent(
                                "p-1",
                                "Paket kam beschädigt an",
                                "python",
                                Instant.ofEpochMilli(1_763_800_000_123L),
                                Map.of("lang", "de")),
                        new TextEvent(
                                "p-2", "refund please", "python", Instant.ofEpochMilli(1_763_800_000_456L), Map.of()));
    }

    @Test
    void shouldReadModelVersionsPythonWrote() {
        String topic = STACK.uniqueTopic("python-to-java-modelversion");
        Map<String, Object> written = Map.of(
                "modelName",
                "support-intent",
                "version",
                4,
                "parentVersion",
                3,
                "status",
                "PROMOTED",
                "artifactUri",
                "file:///models/support-intent/4/",
                "sha256",
                "ab".repeat(32),
                "labels",
                List.of("billing", "other"),
                "metrics",
                Map.of("accuracy", 0.93),
                "trainingSetSize",
                512,
                "createdTime",
                1_763_800_000_000L);

        python.produce(
                STACK.bootstrapServers(),
                STACK.schemaRegistryUrl(),
                topic,
                Path.of("src/main/avro/ModelVersion.avsc"),
                lines(List.of(written)),
                "modelName");
        ModelVersion read = TopicIo.read(
                        STACK.clientConfig(), topic, configured(new ConfluentAvroDeserializer<>(ModelVersion.class)), 1)
                .get(0)
                .value();

        assertThat(read)
                .isEqualTo(ModelVersion.newBuilder()
                        .setModelName("support-intent")
                        .setVersion(4L)
                        .setParentVersion(3L)
                        .setStatus(ModelStatus.PROMOTED)
                        .setArtifactUri("file:///models/support-intent/4/")
                        .setSha256("ab".repeat(32))
                        .setLabels(List.of("billing", "other"))
                        .setMetrics(Map.of("accuracy", 0.93))
                        .setTrainingSetSize(512L)
                        .setCreatedTime(Instant.ofEpochMilli(1_763_800_000_000L))
                        .build());
    }

    private static ConfluentAvroSerializer<SpecificRecord> javaSerializer() {
        ConfluentAvroSerializer<SpecificRecord> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(serdeConfig(), false);
        return serializer;
    }

    private static <T extends SpecificRecord> ConfluentAvroDeserializer<T> configured(
            ConfluentAvroDeserializer<T> deserializer) {
        deserializer.configure(serdeConfig(), false);
        return deserializer;
    }

    private static Map<String, Object> serdeConfig() {
        return Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                STACK.schemaRegistryUrl(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
                true);
    }

    private static List<String> lines(List<Map<String, Object>> records) {
        return records.stream()
                .map(record -> {
                    try {
                        return JSON.writeValueAsString(record);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
