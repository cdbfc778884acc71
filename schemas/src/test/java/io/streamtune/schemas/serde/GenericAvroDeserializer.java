package io.streamtune.schemas.serde;

import io.streamtune.schemas.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;

/** Test-only: reads records as generic records of a fixed reader schema through the production deserializer. */
class GenericAvroDeserializer extends AbstractAvroDeserializer<GenericRecord> {

    private final Schema readerSchema;

    GenericAvroDeserializer(Schema readerSchema, SchemaRegistryClient registry) {
        super(registry);
        this.readerSchema = readerSchema;
    }

    @Override
    Schema readerSchema(int writerId, Schema writerSchema) {
        return readerSchema;
    }

    @Override
    DatumReader<GenericRecord> newReader(Schema writerSchema, Schema readerSchema) {
        return new GenericDatumReader<>(writerSchema, readerSchema);
    }
}
