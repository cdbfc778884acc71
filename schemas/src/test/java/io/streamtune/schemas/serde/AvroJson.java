package io.streamtune.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Test helper: a record as the JSON Confluent's Python client prints for it (timestamps as epoch milliseconds,
 * enums as symbols, unions as the bare value), parsed as a tree so numbers compare by value.
 */
final class AvroJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AvroJson() {}

    static JsonNode tree(IndexedRecord record) {
        try {
            return JSON.readTree(JSON.writeValueAsString(plain(record)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot render " + record, e);
        }
    }

    private static Object plain(Object value) {
        if (value instanceof IndexedRecord record) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Schema.Field field : record.getSchema().getFields()) {
                fields.put(field.name(), plain(record.get(field.pos())));
            }
            return fields;
        }
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof Enum<?> symbol) {
            return symbol.name();
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> entries = new LinkedHashMap<>();
            map.forEach((key, item) -> entries.put(key.toString(), plain(item)));
            return entries;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AvroJson::plain).toList();
        }
        return value;
    }
}
