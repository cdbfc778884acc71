package io.streamtune.schemas.serde;

import io.streamtune.schemas.Subjects;
import io.streamtune.schemas.registry.RestSchemaRegistryClient;
import io.streamtune.schemas.registry.SchemaRegistryClient;
import io.streamtune.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records in the Confluent wire format under the subject {@code <topic>-value} or {@code <topic>-key}.
 * Subclasses choose how records are written (specific or generic).
 */
abstract class AbstractAvroSerializer<T extends IndexedRecord> implements Serializer<T> {

    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<T>> writersBySchema = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private boolean autoRegister;
    private boolean isKey;

    /** For Kafka to instantiate by class name; {@link #configure} then builds the registry client. */
    AbstractAvroSerializer() {}

    /** Uses this registry client; {@link #configure} still reads the other settings. */
    AbstractAvroSerializer(SchemaRegistryClient registry, boolean autoRegister) {
        this.registry = registry;
        this.autoRegister = autoRegister;
    }

    /** A writer of records with this schema. */
    abstract DatumWriter<T> newWriter(Schema schema);

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        this.isKey = isKey;
        this.autoRegister = config.autoRegisterSchemas();
        if (registry == null) {
            registry = new RestSchemaRegistryClient(config.registryClientConfig());
        }
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("serializer is not configured: call configure() or pass a registry client");
        }
        Schema schema = record.getSchema();
        int id = schemaId(Subjects.subject(topic, isKey), PortableSchema.of(schema));
        return write(topic, id, schema, record);
    }

    private int schemaId(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        int id = autoRegister ? register(subject, schema) : lookUp(subject, schema);
        idsBySubjectSchema.put(key, id);
        return id;
    }

    private int register(String subject, Schema schema) {
        try {
            return registry.register(subject, schema);
        } catch (SchemaRegistryException e) {
            throw new SerializationException(
                    "cannot register schema " + schema.getFullName() + " under subject " + subject + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private int lookUp(String subject, Schema schema) {
        try {
            return registry.lookup(subject, schema)
                    .orElseThrow(() -> new SerializationException("schema " + schema.getFullName()
                            + " is not registered under subject " + subject + " and "
                            + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS
                            + " is false: register it first, or set " + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS
                            + "=true"))
                    .id();
        } catch (SchemaRegistryException e) {
            throw new SerializationException(
                    "cannot look up schema " + schema.getFullName() + " under subject " + subject + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private byte[] write(String topic, int id, Schema schema, T record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(WireFormat.header(id));
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writersBySchema.computeIfAbsent(schema, this::newWriter).write(record, encoder);
            encoder.flush();
        } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
            throw new SerializationException(
                    "cannot serialize " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private record SubjectSchema(String subject, Schema schema) {}
}
