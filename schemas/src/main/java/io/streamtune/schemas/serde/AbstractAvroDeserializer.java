package io.streamtune.schemas.serde;

import io.streamtune.schemas.registry.RestSchemaRegistryClient;
import io.streamtune.schemas.registry.SchemaRegistryClient;
import io.streamtune.schemas.registry.SchemaRegistryException;
import io.streamtune.schemas.serde.WireFormatException.Reason;
import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire format records: fetches the writer's schema by the id in the header (cached) and resolves it
 * against the reader's schema, with one reader per writer schema id. Bad bytes raise {@link WireFormatException};
 * a registry that cannot be reached raises a plain {@link SerializationException} (the bytes may be fine).
 */
abstract class AbstractAvroDeserializer<T> implements Deserializer<T> {

    private final Map<Integer, DatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;

    /** For Kafka to instantiate by class name; {@link #configure} then builds the registry client. */
    AbstractAvroDeserializer() {}

    AbstractAvroDeserializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    /**
     * The schema to read records of this writer schema with.
     *
     * @throws WireFormatException with {@link Reason#UNRESOLVABLE_SCHEMA} when there is none
     */
    abstract Schema readerSchema(int writerId, Schema writerSchema);

    /** A reader that resolves data of the writer schema into the reader schema. */
    abstract DatumReader<T> newReader(Schema writerSchema, Schema readerSchema);

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        if (registry == null) {
            registry = new RestSchemaRegistryClient(config.registryClientConfig());
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException(
                    "deserializer is not configured: call configure() or pass a registry client");
        }
        int writerId = WireFormat.schemaId(data);
        return decode(writerId, readerFor(writerId), data);
    }

    private DatumReader<T> readerFor(int writerId) {
        DatumReader<T> cached = readersByWriterId.get(writerId);
        if (cached != null) {
            return cached;
        }
        Schema writerSchema = writerSchema(writerId);
        Schema readerSchema = readerSchema(writerId, writerSchema);
        SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writerSchema);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new WireFormatException(
                    Reason.UNRESOLVABLE_SCHEMA,
                    writerId,
                    "writer schema "
                            + writerSchema.getFullName() + " cannot be read as " + readerSchema.getFullName() + ": "
                            + compatibility.getResult().getIncompatibilities());
        }
        DatumReader<T> reader = newReader(writerSchema, readerSchema);
        readersByWriterId.put(writerId, reader);
        return reader;
    }

    private Schema writerSchema(int writerId) {
        try {
            return registry.schemaById(writerId);
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                throw new WireFormatException(
                        Reason.UNKNOWN_SCHEMA_ID, writerId, "the schema registry does not know this id", e);
            }
            throw new SerializationException(
                    "cannot fetch writer schema " + writerId + " from the schema registry: " + e.getMessage(), e);
        }
    }

    private T decode(int writerId, DatumReader<T> reader, byte[] data) {
        int bodyLength = data.length - WireFormat.HEADER_LENGTH;
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_LENGTH, bodyLength, null);
        try {
            return reader.read(null, decoder);
        } catch (EOFException e) {
            throw new WireFormatException(
                    Reason.TRUNCATED_PAYLOAD,
                    writerId,
                    "the Avro body ends early (" + bodyLength + " bytes after the header)",
                    e);
        } catch (AvroTypeException e) {
            throw new WireFormatException(Reason.UNRESOLVABLE_SCHEMA, writerId, e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            // Untrusted bytes can fail Avro's decoder in many ways (bad lengths, counts over Java's limits, bad
            // UTF-8 handling, ...): each of them is a malformed payload, never an error that stops the consumer.
            throw new WireFormatException(
                    Reason.MALFORMED_PAYLOAD, writerId, "the Avro body is not valid for the writer schema: " + e, e);
        }
    }
}
