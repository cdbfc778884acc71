package io.streamtune.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.schemas.Classification;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.SampleRecords;
import io.streamtune.schemas.Subjects;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.registry.RegisteredSchema;
import io.streamtune.schemas.registry.RegistryClientConfig;
import io.streamtune.schemas.registry.RestSchemaRegistryClient;
import io.streamtune.testsupport.KafkaStack;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every contract through the real registry server and a real topic, with the serializer and deserializer. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ContractsRoundTripIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    @Test
    void shouldRoundTripTextEvents() {
        assertRoundTrip(TextEvent.class, List.of(SampleRecords.textEvent("e-1"), SampleRecords.textEvent("e-2")));
    }

    @Test
    void shouldRoundTripClassifications() {
        assertRoundTrip(Classification.class, List.of(SampleRecords.classification("e-1")));
    }

    @Test
    void shouldRoundTripLabelCorrectionsWithAndWithoutOptionalFields() {
        assertRoundTrip(
                LabelCorrection.class,
                List.of(SampleRecords.labelCorrection("e-1"), SampleRecords.bareLabelCorrection("e-2")));
    }

    @Test
    void shouldRoundTripModelVersions() {
        assertRoundTrip(ModelVersion.class, List.of(SampleRecords.modelVersion(1), SampleRecords.modelVersion(2)));
    }

    @Test
    void shouldUseTheContractRegisteredBeforehandWhenAutoRegistrationIsOff() throws IOException {
        String topic = STACK.uniqueTopic("preregistered");
        Schema contract = new Schema.Parser()
                .parse(Path.of("src/main/avro/TextEvent.avsc").toFile());
        int registeredId = registry().register(Subjects.valueSubject(topic), contract);
        ConfluentAvroSerializer<TextEvent> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, STACK.schemaRegistryUrl()), false);

        byte[] bytes = serializer.serialize(topic, SampleRecords.textEvent("e-1"));

        assertThat(WireFormat.schemaId(bytes)).isEqualTo(registeredId);
        assertThat(registry().latest(Subjects.valueSubject(topic)).version()).isEqualTo(1);
        String unregistered = STACK.uniqueTopic("unregistered");
        assertThatThrownBy(() -> serializer.serialize(unregistered, SampleRecords.textEvent("e-1")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not registered under subject " + unregistered + "-value");
    }

    private <T extends SpecificRecord> void assertRoundTrip(Class<T> type, List<T> records) {
        String topic = STACK.uniqueTopic("roundtrip-" + type.getSimpleName().toLowerCase());
        Map<String, Object> config = serdeConfig();
        ConfluentAvroSerializer<T> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(config, false);
        ConfluentAvroDeserializer<T> deserializer = new ConfluentAvroDeserializer<>(type);
        deserializer.configure(config, false);
        List<String> keys =
                records.stream().map(record -> String.valueOf(record.get(0))).toList();

        TopicIo.send(STACK.clientConfig(), topic, serializer, keys, records);
        List<ConsumerRecord<String, T>> received =
                TopicIo.read(STACK.clientConfig(), topic, deserializer, records.size());

        assertThat(received).extracting(ConsumerRecord::value).containsExactlyElementsOf(records);
        assertThat(received).extracting(ConsumerRecord::key).containsExactlyElementsOf(keys);
        RegisteredSchema registered = registry().latest(Subjects.valueSubject(topic));
        assertThat(registered.schema())
                .isEqualTo(PortableSchema.of(records.get(0).getSchema()));
        List<ConsumerRecord<String, byte[]>> raw =
                TopicIo.read(STACK.clientConfig(), topic, new ByteArrayDeserializer(), records.size());
        assertThat(raw).allSatisfy(record -> assertThat(WireFormat.schemaId(record.value()))
                .isEqualTo(registered.id()));
    }

    private static Map<String, Object> serdeConfig() {
        Map<String, Object> config = new HashMap<>(STACK.clientConfig());
        config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
        return config;
    }

    private static RestSchemaRegistryClient registry() {
        return new RestSchemaRegistryClient(RegistryClientConfig.of(STACK.schemaRegistryUrl()));
    }
}
