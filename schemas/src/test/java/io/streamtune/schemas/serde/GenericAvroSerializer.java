package io.streamtune.schemas.serde;

import io.streamtune.schemas.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumWriter;

/** Test-only: writes generic records (e.g. a future version of a contract) through the production serializer. */
class GenericAvroSerializer extends AbstractAvroSerializer<GenericRecord> {

    GenericAvroSerializer(SchemaRegistryClient registry) {
        super(registry, false);
    }

    @Override
    DatumWriter<GenericRecord> newWriter(Schema schema) {
        return new GenericDatumWriter<>(schema);
    }
}
