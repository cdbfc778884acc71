package io.streamtune.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.schemas.Classification;
import io.streamtune.schemas.LabelSource;
import io.streamtune.schemas.SampleRecords;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.registry.InMemorySchemaRegistryClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Resolution between versions in the serde itself; SchemaEvolutionIT repeats it through the real registry. */
class SchemaEvolutionTest {

    private static final String TOPIC = "text-events";
    private static final Schema V2 = schema("/evolution/TextEvent-v2.avsc");
    private static final Map<String, Object> AUTO_REGISTER = Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void shouldReadV2RecordAsV1ClassDroppingTheNewField() {
        GenericRecord v2 = new GenericData.Record(V2);
        v2.put("id", "e-2");
        v2.put("text", "bonjour");
        v2.put("source", "chat");
        v2.put("eventTime", 1_000L);
        v2.put("attributes", Map.of("k", "v"));
        v2.put("language", "fr");
        GenericAvroSerializer serializer = new GenericAvroSerializer(registry);
        serializer.configure(AUTO_REGISTER, false);

        TextEvent read = new ConfluentAvroDeserializer<>(TextEvent.class, registry)
                .deserialize(TOPIC, serializer.serialize(TOPIC, v2));

        assertThat(read)
                .isEqualTo(new TextEvent("e-2", "bonjour", "chat", Instant.ofEpochMilli(1_000L), Map.of("k", "v")));
    }

    @Test
    void shouldReadV1RecordWithV2ReaderFillingTheDefault() {
        ConfluentAvroSerializer<TextEvent> serializer = new ConfluentAvroSerializer<>(registry);
        serializer.configure(AUTO_REGISTER, false);
        TextEvent v1 = SampleRecords.textEvent("e-1");

        GenericRecord read =
                new GenericAvroDeserializer(V2, registry).deserialize(TOPIC, serializer.serialize(TOPIC, v1));

        assertThat(read.get("language")).isNull();
        assertThat(read.get("id")).hasToString("e-1");
        assertThat(read.get("eventTime")).isEqualTo(v1.getEventTime().toEpochMilli());
    }

    @Test
    void shouldReadClassificationWrittenBeforeCorrectionMemoryAsLabelledByTheModel() throws IOException {
        Schema v1 = new Schema.Parser()
                .parse(Path.of("src/main/avro-history/Classification/v1.avsc").toFile());
        Classification today = SampleRecords.classification("e-3");
        GenericRecordBuilder written = new GenericRecordBuilder(v1);
        for (Schema.Field field : v1.getFields()) {
            Object value = today.get(field.name());
            written.set(field.name(), value instanceof Instant time ? time.toEpochMilli() : value);
        }
        GenericAvroSerializer serializer = new GenericAvroSerializer(registry);
        serializer.configure(AUTO_REGISTER, false);

        Classification read = new ConfluentAvroDeserializer<>(Classification.class, registry)
                .deserialize("classifications", serializer.serialize("classifications", written.build()));

        assertThat(read.getLabelSource()).isEqualTo(LabelSource.MODEL);
        assertThat(read.getMemoryEventId()).isNull();
        assertThat(read.getMemorySimilarity()).isNull();
        assertThat(read.getLabel()).isEqualTo(today.getLabel());
    }

    @Test
    void shouldRefuseToRegisterABreakingVersion() {
        ConfluentAvroSerializer<TextEvent> v1Serializer = new ConfluentAvroSerializer<>(registry);
        v1Serializer.configure(AUTO_REGISTER, false);
        v1Serializer.serialize(TOPIC, SampleRecords.textEvent("e-1"));
        GenericRecord breaking = new GenericRecordBuilder(schema("/evolution/TextEvent-incompatible.avsc"))
                .set("id", "e-9")
                .set("text", "t")
                .set("source", "s")
                .set("eventTime", 0L)
                .set("tenant", "acme")
                .build();
        GenericAvroSerializer serializer = new GenericAvroSerializer(registry);
        serializer.configure(AUTO_REGISTER, false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, breaking))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot register");
    }

    private static Schema schema(String resource) {
        try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
