package io.streamtune.schemas.serde;

import io.streamtune.schemas.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * A Kafka serializer of generated Avro records in the Confluent wire format, under the subject
 * {@code <topic>-value} (or {@code <topic>-key} for keys). See {@link AvroSerdeConfig} for the settings.
 *
 * <p>With {@code auto.register.schemas=false} (the default) the record's schema must already be registered under
 * the subject; serializing fails with a message saying so otherwise.
 */
public class ConfluentAvroSerializer<T extends SpecificRecord> extends AbstractAvroSerializer<T> {

    /** For Kafka to instantiate by class name; configure it with {@link AvroSerdeConfig} keys. */
    public ConfluentAvroSerializer() {}

    /** Uses this registry client (shared caches, tests); auto-registration as in the configs. */
    public ConfluentAvroSerializer(SchemaRegistryClient registry) {
        super(registry, false);
    }

    @Override
    DatumWriter<T> newWriter(Schema schema) {
        return new SpecificDatumWriter<>(schema);
    }
}
