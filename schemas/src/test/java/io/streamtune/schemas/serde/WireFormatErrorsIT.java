package io.streamtune.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamtune.schemas.SampleRecords;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.registry.RegistryClientConfig;
import io.streamtune.schemas.registry.RestSchemaRegistryClient;
import io.streamtune.schemas.serde.WireFormatException.Reason;
import io.streamtune.testsupport.KafkaStack;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A record whose schema id the real registry does not know gives a typed error, and the consumer goes on. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WireFormatErrorsIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    private static final int UNKNOWN_ID = 987_654;

    @Test
    void shouldRaiseUnknownSchemaIdAndLetTheConsumerSkipTheRecord() {
        String topic = STACK.uniqueTopic("unknown-schema-id");
        byte[] unknownId = ByteBuffer.allocate(8)
                .put(WireFormat.MAGIC_BYTE)
                .putInt(UNKNOWN_ID)
                .put((byte) 2)
                .put((byte) 'x')
                .put((byte) 0)
                .array();
        TopicIo.send(STACK.clientConfig(), topic, new ByteArraySerializer(), List.of("bad"), List.of(unknownId));
        TextEvent good = SampleRecords.textEvent("e-2");
        ConfluentAvroSerializer<TextEvent> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(
                Map.of(
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                        STACK.schemaRegistryUrl(),
                        AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
                        true),
                false);
        TopicIo.send(STACK.clientConfig(), topic, serializer, List.of("e-2"), List.of(good));

        List<RecordDeserializationException> errors = new ArrayList<>();
        List<TextEvent> read = new ArrayList<>();
        RestSchemaRegistryClient registry =
                new RestSchemaRegistryClient(RegistryClientConfig.of(STACK.schemaRegistryUrl()));
        try (KafkaConsumer<String, TextEvent> consumer = TopicIo.consumer(
                STACK.clientConfig(), topic, new ConfluentAvroDeserializer<>(TextEvent.class, registry))) {
            await().atMost(TopicIo.READ_TIMEOUT).untilAsserted(() -> {
                pollSkippingBadRecords(consumer, read, errors);
                assertThat(read).hasSize(1);
            });
        }

        assertThat(read).containsExactly(good);
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.offset()).isZero();
            assertThat(error.getCause()).isInstanceOfSatisfying(WireFormatException.class, cause -> {
                assertThat(cause.reason()).isEqualTo(Reason.UNKNOWN_SCHEMA_ID);
                assertThat(cause.schemaId()).hasValue(UNKNOWN_ID);
                assertThat(cause).hasMessageContaining("schema id " + UNKNOWN_ID);
            });
        });
    }

    private static void pollSkippingBadRecords(
            KafkaConsumer<String, TextEvent> consumer,
            List<TextEvent> read,
            List<RecordDeserializationException> errors) {
        try {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> read.add(record.value()));
        } catch (RecordDeserializationException e) {
            errors.add(e);
            consumer.seek(
                    new TopicPartition(
                            e.topicPartition().topic(), e.topicPartition().partition()),
                    e.offset() + 1);
        }
    }
}
