package io.streamtune.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.streamtune.schemas.SampleRecords;
import io.streamtune.schemas.Subjects;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.registry.InMemorySchemaRegistryClient;
import io.streamtune.schemas.serde.WireFormatException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every kind of bad bytes raises one typed {@link WireFormatException} that says what is wrong. */
class WireFormatErrorsTest {

    private static final String TOPIC = "text-events";

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final ConfluentAvroDeserializer<TextEvent> deserializer =
            new ConfluentAvroDeserializer<>(TextEvent.class, registry);

    @Test
    void shouldRejectEmptyPayloadAsMissingMagicByte() {
        assertReason(() -> deserializer.deserialize(TOPIC, new byte[0]), Reason.NO_MAGIC_BYTE)
                .hasMessageContaining("empty");
    }

    @Test
    void shouldRejectPlainTextAsMissingMagicByte() {
        byte[] json = "{\"id\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);

        assertReason(() -> deserializer.deserialize(TOPIC, json), Reason.NO_MAGIC_BYTE)
                .hasMessageContaining("first byte is 123");
    }

    @Test
    void shouldRejectHeaderShorterThanFiveBytesAsTruncated() {
        assertReason(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 1}), Reason.TRUNCATED_PAYLOAD)
                .hasMessageContaining("3 bytes");
    }

    @Test
    void shouldRejectUnknownSchemaIdNamingTheId() {
        byte[] bytes =
                ByteBuffer.allocate(6).put((byte) 0).putInt(4242).put((byte) 2).array();

        WireFormatException error = catchWireFormatError(() -> deserializer.deserialize(TOPIC, bytes));

        assertThat(error.reason()).isEqualTo(Reason.UNKNOWN_SCHEMA_ID);
        assertThat(error.schemaId()).hasValue(4242);
        assertThat(error).hasMessageContaining("UNKNOWN_SCHEMA_ID").hasMessageContaining("schema id 4242");
    }

    @Test
    void shouldRejectBodyCutShortAsTruncated() {
        byte[] whole = validTextEvent();
        byte[] cut = Arrays.copyOf(whole, whole.length - 10);
        int id = WireFormat.schemaId(whole);

        WireFormatException error = catchWireFormatError(() -> deserializer.deserialize(TOPIC, cut));

        assertThat(error.reason()).isEqualTo(Reason.TRUNCATED_PAYLOAD);
        assertThat(error.schemaId()).hasValue(id);
    }

    @Test
    void shouldRejectHeaderWithoutBodyAsTruncated() {
        byte[] headerOnly = Arrays.copyOf(validTextEvent(), WireFormat.HEADER_LENGTH);

        assertReason(() -> deserializer.deserialize(TOPIC, headerOnly), Reason.TRUNCATED_PAYLOAD);
    }

    @Test
    void shouldRejectWriterSchemaThatDoesNotResolveToReader() {
        Schema unrelated = new Schema.Parser()
                .parse("{\"type\":\"record\",\"name\":\"Invoice\",\"namespace\":\"billing\",\"fields\":"
                        + "[{\"name\":\"amount\",\"type\":\"double\"}]}");
        int id = registry.register("invoices-value", unrelated);
        byte[] bytes =
                ByteBuffer.allocate(13).put((byte) 0).putInt(id).putDouble(9.5).array();

        WireFormatException error = catchWireFormatError(() -> deserializer.deserialize(TOPIC, bytes));

        assertThat(error.reason()).isEqualTo(Reason.UNRESOLVABLE_SCHEMA);
        assertThat(error.schemaId()).hasValue(id);
        assertThat(error)
                .hasMessageContaining("billing.Invoice")
                .hasMessageContaining("io.streamtune.schemas.TextEvent");
    }

    @Test
    void shouldRejectCorruptBodyAsMalformed() {
        byte[] bytes = validTextEvent();
        bytes[WireFormat.HEADER_LENGTH] = 1; // the id string's length becomes -1 in zig-zag encoding

        assertReason(() -> deserializer.deserialize(TOPIC, bytes), Reason.MALFORMED_PAYLOAD);
    }

    @Test
    void shouldRejectACollectionCountOverTheJavaLimitAsMalformed() throws IOException {
        int id = WireFormat.schemaId(validTextEvent());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(WireFormat.HEADER_LENGTH)
                .put((byte) 0)
                .putInt(id)
                .array());
        BinaryEncoder body = EncoderFactory.get().directBinaryEncoder(out, null);
        body.writeString("e-1");
        body.writeString("text");
        body.writeString("source");
        body.writeLong(0L);
        body.writeLong(3_000_000_000L); // the attributes map claims more entries than a Java collection holds
        byte[] bytes = out.toByteArray();

        assertReason(() -> deserializer.deserialize(TOPIC, bytes), Reason.MALFORMED_PAYLOAD)
                .hasMessageContaining("collections larger than");
    }

    @Test
    void shouldBeASerializationExceptionSoKafkaHandlersCatchIt() {
        assertThat(new WireFormatException(Reason.NO_MAGIC_BYTE, null, "x")).isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldTrustTheContractsPackage() {
        var reader = TrustedReaders.specificReader(TextEvent.getClassSchema(), TextEvent.getClassSchema());

        @SuppressWarnings("deprecation")
        var trusted = reader.getTrustedPackages();
        assertThat(trusted).contains(TrustedReaders.CONTRACTS_PACKAGE);
    }

    private byte[] validTextEvent() {
        ConfluentAvroSerializer<TextEvent> serializer = new ConfluentAvroSerializer<>(registry);
        serializer.configure(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true), false);
        byte[] bytes = serializer.serialize(TOPIC, SampleRecords.textEvent("e-1"));
        assertThat(registry.latest(Subjects.valueSubject(TOPIC)).id()).isEqualTo(WireFormat.schemaId(bytes));
        return bytes;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertReason(ThrowingCallable call, Reason reason) {
        return assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        WireFormatException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageStartingWith(reason.name());
    }

    private static WireFormatException catchWireFormatError(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(WireFormatException.class);
        return (WireFormatException) thrown;
    }
}
