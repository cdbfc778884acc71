package io.streamtune.systemtests.faults;

import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.registry.RegistryClientConfig;
import io.streamtune.schemas.registry.RestSchemaRegistryClient;
import io.streamtune.schemas.serde.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * A newer TextEvent schema (one more optional field, {@value #EXTRA_FIELD}) that a producer registers itself: the
 * classifier can read it, but has never seen its id, so it must fetch it from the registry.
 */
final class VariantTextEvent {

    static final String EXTRA_FIELD = "faultNote";

    private final Schema schema;
    private final int schemaId;

    private VariantTextEvent(Schema schema, int schemaId) {
        this.schema = schema;
        this.schemaId = schemaId;
    }

    /** Registers the variant under the events' value subject and returns it with its id. */
    static VariantTextEvent register(String registryUrl) {
        Schema base = TextEvent.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        base.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
        fields.add(new Schema.Field(EXTRA_FIELD, Schema.create(Schema.Type.STRING), "A note of the fault test.", ""));
        Schema variant = Schema.createRecord(base.getName(), base.getDoc(), base.getNamespace(), false, fields);
        int id = new RestSchemaRegistryClient(RegistryClientConfig.of(registryUrl))
                .register(FaultTopics.EVENTS + "-value", variant);
        return new VariantTextEvent(variant, id);
    }

    int schemaId() {
        return schemaId;
    }

    /** Event {@code i} in the Confluent wire format with the variant's id. */
    byte[] serialize(int i) {
        GenericRecord event = new GenericData.Record(schema);
        event.put("id", "event-" + i);
        event.put("text", "a good variant " + i);
        event.put("source", "faults");
        event.put("eventTime", System.currentTimeMillis());
        event.put("attributes", Map.of());
        event.put(EXTRA_FIELD, "registry outage");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(WireFormat.header(schemaId));
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(schema).write(event, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
