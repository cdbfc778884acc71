package io.streamtune.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.schemas.SampleRecords;
import io.streamtune.schemas.Subjects;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.registry.RegistryClientConfig;
import io.streamtune.schemas.registry.RestSchemaRegistryClient;
import io.streamtune.schemas.registry.SchemaRegistryClient;
import io.streamtune.schemas.registry.SchemaRegistryException;
import io.streamtune.testsupport.KafkaStack;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Old and new producers interoperate through the real registry: a v2 TextEvent (one new optional field with a
 * default, test-only schema) is read by today's v1 class, and v1 data is read by a v2 reader.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SchemaEvolutionIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    private static final Schema V2 = schema("/evolution/TextEvent-v2.avsc");
    private static final Map<String, Object> AUTO_REGISTER = Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);

    private final SchemaRegistryClient registry =
            new RestSchemaRegistryClient(RegistryClientConfig.of(STACK.schemaRegistryUrl()));

    @Test
    void shouldReadV2ProducerWithV1Consumer() {
        String topic = STACK.uniqueTopic("evolution-v2-to-v1");
        TextEvent v1 = SampleRecords.textEvent("e-1");
        GenericRecord v2 = v2Record("e-2", "fr");

        TopicIo.send(STACK.clientConfig(), topic, v1Serializer(), List.of("e-1"), List.of(v1));
        TopicIo.send(STACK.clientConfig(), topic, v2Serializer(), List.of("e-2"), List.of(v2));
        List<ConsumerRecord<String, TextEvent>> received = TopicIo.read(
                STACK.clientConfig(), topic, new ConfluentAvroDeserializer<>(TextEvent.class, registry), 2);

        assertThat(received.get(0).value()).isEqualTo(v1);
        TextEvent fromV2 = received.get(1).value();
        assertThat(fromV2.getId()).isEqualTo("e-2");
        assertThat(fromV2.getText()).isEqualTo(v2.get("text"));
        assertThat(fromV2.getEventTime().toEpochMilli()).isEqualTo(v2.get("eventTime"));
        assertThat(fromV2.getAttributes()).containsEntry("customer", "c-7");
        assertThat(registry.latest(Subjects.valueSubject(topic)).version()).isEqualTo(2);
        assertThat(registry.latest(Subjects.valueSubject(topic)).schema()).isEqualTo(V2);
    }

    @Test
    void shouldReadV1ProducerWithV2ReaderUsingTheDefault() {
        String topic = STACK.uniqueTopic("evolution-v1-to-v2");
        TextEvent v1 = SampleRecords.textEvent("e-1");

        TopicIo.send(STACK.clientConfig(), topic, v1Serializer(), List.of("e-1"), List.of(v1));
        GenericRecord read = TopicIo.read(STACK.clientConfig(), topic, new GenericAvroDeserializer(V2, registry), 1)
                .get(0)
                .value();

        assertThat(read.getSchema()).isEqualTo(V2);
        assertThat(read.get("language")).isNull();
        assertThat(read.get("id")).hasToString("e-1");
        assertThat(read.get("text")).hasToString(v1.getText());
        assertThat(read.get("eventTime")).isEqualTo(v1.getEventTime().toEpochMilli());
    }

    @Test
    void shouldLetTheRegistryRefuseAnIncompatibleVersion() {
        String topic = STACK.uniqueTopic("evolution-breaking");
        Schema breaking = schema("/evolution/TextEvent-incompatible.avsc");
        TopicIo.send(
                STACK.clientConfig(), topic, v1Serializer(), List.of("e-1"), List.of(SampleRecords.textEvent("e-1")));

        assertThatThrownBy(() -> registry.register(Subjects.valueSubject(topic), breaking))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.httpStatus())
                        .isEqualTo(409));
        GenericRecord record = new GenericRecordBuilder(breaking)
                .set("id", "e-9")
                .set("text", "text")
                .set("source", "test")
                .set("eventTime", 0L)
                .set("tenant", "acme")
                .build();
        GenericAvroSerializer serializer = v2Serializer();
        assertThatThrownBy(() -> serializer.serialize(topic, record))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot register");
    }

    private ConfluentAvroSerializer<TextEvent> v1Serializer() {
        ConfluentAvroSerializer<TextEvent> serializer = new ConfluentAvroSerializer<>(registry);
        serializer.configure(AUTO_REGISTER, false);
        return serializer;
    }

    private GenericAvroSerializer v2Serializer() {
        GenericAvroSerializer serializer = new GenericAvroSerializer(registry);
        serializer.configure(AUTO_REGISTER, false);
        return serializer;
    }

    private static GenericRecord v2Record(String id, String language) {
        GenericRecord record = new GenericData.Record(V2);
        record.put("id", id);
        record.put("text", "Le colis n'est jamais arrivé");
        record.put("source", "chat");
        record.put("eventTime", 1_763_800_000_000L);
        record.put("attributes", Map.of("customer", "c-7"));
        record.put("language", language);
        return record;
    }

    private static Schema schema(String resource) {
        try (InputStream in = SchemaEvolutionIT.class.getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
