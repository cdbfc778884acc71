package io.streamtune.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.schemas.Classification;
import io.streamtune.schemas.SampleRecords;
import io.streamtune.schemas.Subjects;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.registry.InMemorySchemaRegistryClient;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ConfluentAvroSerdeTest {

    private static final String TOPIC = "text-events";
    private static final Map<String, Object> AUTO_REGISTER = Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void shouldRoundTripEveryContract() {
        ConfluentAvroSerializer<SpecificRecord> serializer = serializer(AUTO_REGISTER);
        ConfluentAvroDeserializer<SpecificRecord> deserializer = new ConfluentAvroDeserializer<>(null, registry);

        for (SpecificRecord record : SampleRecords.oneOfEach()) {
            byte[] bytes = serializer.serialize("topic-" + record.getSchema().getName(), record);

            assertThat(deserializer.deserialize("topic-" + record.getSchema().getName(), bytes))
                    .isEqualTo(record);
        }
    }

    @Test
    void shouldWriteMagicByteAndRegisteredIdUnderTopicValueSubject() {
        TextEvent event = SampleRecords.textEvent("e-1");

        byte[] bytes = serializer(AUTO_REGISTER).serialize(TOPIC, event);

        int registeredId = registry.latest(Subjects.valueSubject(TOPIC)).id();
        assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC_BYTE);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registeredId);
    }

    @Test
    void shouldUseKeySubjectForKeys() {
        ConfluentAvroSerializer<TextEvent> serializer = new ConfluentAvroSerializer<>(registry);
        serializer.configure(AUTO_REGISTER, true);

        serializer.serialize(TOPIC, SampleRecords.textEvent("e-1"));

        assertThat(registry.latest(Subjects.keySubject(TOPIC)).schema())
                .isEqualTo(PortableSchema.of(TextEvent.getClassSchema()));
    }

    @Test
    void shouldFailClearlyWhenSchemaIsNotRegisteredAndAutoRegistrationIsOff() {
        ConfluentAvroSerializer<TextEvent> serializer = serializer(Map.of());

        assertThatThrownBy(() -> serializer.serialize(TOPIC, SampleRecords.textEvent("e-1")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not registered under subject text-events-value")
                .hasMessageContaining("auto.register.schemas");
    }

    @Test
    void shouldUseAlreadyRegisteredSchemaWhenAutoRegistrationIsOff() {
        int id = registry.register(Subjects.valueSubject(TOPIC), PortableSchema.of(TextEvent.getClassSchema()));

        byte[] bytes = serializer(Map.of()).serialize(TOPIC, SampleRecords.textEvent("e-1"));

        assertThat(WireFormat.schemaId(bytes)).isEqualTo(id);
    }

    @Test
    void shouldMapNullToNullBothWays() {
        assertThat(serializer(AUTO_REGISTER).serialize(TOPIC, null)).isNull();
        assertThat(new ConfluentAvroDeserializer<>(TextEvent.class, registry).deserialize(TOPIC, null))
                .isNull();
    }

    @Test
    void shouldServeStreamsThroughOneSerde() {
        try (ConfluentAvroSerde<Classification> serde = new ConfluentAvroSerde<>(Classification.class, registry)) {
            serde.configure(AUTO_REGISTER, false);
            Classification classification = SampleRecords.classification("e-9");

            byte[] bytes = serde.serializer().serialize("classifications", classification);

            assertThat(serde.deserializer().deserialize("classifications", bytes))
                    .isEqualTo(classification);
        }
    }

    private <T extends SpecificRecord> ConfluentAvroSerializer<T> serializer(Map<String, Object> configs) {
        ConfluentAvroSerializer<T> serializer = new ConfluentAvroSerializer<>(registry);
        serializer.configure(configs, false);
        return serializer;
    }
}
