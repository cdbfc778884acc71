package io.streamtune.schemas.serde;

import io.streamtune.schemas.registry.SchemaRegistryClient;
import io.streamtune.schemas.serde.WireFormatException.Reason;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * A Kafka deserializer of Confluent wire format records into generated Avro classes. The writer's schema (by the
 * id in the header) is resolved against the generated class's schema, so records from older and newer producers
 * read as today's class. Bad bytes raise {@link WireFormatException}; {@code null} reads as {@code null}.
 *
 * <p>Given a class, every record is read as that class; without one (instantiated by Kafka from a class name), as
 * the generated class named like the writer's schema.
 */
public class ConfluentAvroDeserializer<T extends SpecificRecord> extends AbstractAvroDeserializer<T> {

    private final Class<T> type;

    /** For Kafka to instantiate by class name: reads each record as the generated class named by its schema. */
    public ConfluentAvroDeserializer() {
        this.type = null;
    }

    /** Reads every record as {@code type}; configure it with {@link AvroSerdeConfig} keys. */
    public ConfluentAvroDeserializer(Class<T> type) {
        this.type = type;
    }

    /** Reads every record as {@code type} using this registry client (shared caches, tests). */
    public ConfluentAvroDeserializer(Class<T> type, SchemaRegistryClient registry) {
        super(registry);
        this.type = type;
    }

    @Override
    Schema readerSchema(int writerId, Schema writerSchema) {
        Class<?> readerClass = type != null ? type : SpecificData.get().getClass(writerSchema);
        if (readerClass == null || !SpecificRecord.class.isAssignableFrom(readerClass)) {
            throw new WireFormatException(
                    Reason.UNRESOLVABLE_SCHEMA,
                    writerId,
                    "no generated class for writer schema " + writerSchema.getFullName() + " on the classpath");
        }
        return SpecificData.get().getSchema(readerClass);
    }

    @Override
    DatumReader<T> newReader(Schema writerSchema, Schema readerSchema) {
        return TrustedReaders.specificReader(writerSchema, readerSchema);
    }
}
