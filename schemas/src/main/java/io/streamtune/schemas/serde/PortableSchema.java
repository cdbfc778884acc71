package io.streamtune.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * The schema as written in the {@code .avsc} contract, without the Java-only properties the code generator adds
 * (e.g. {@code "avro.java.string": "String"} with {@code stringType=String}). This is what the serializer registers
 * and looks up, so Java, other languages and pre-registered contracts agree on one schema per version.
 */
public final class PortableSchema {

    private static final String JAVA_PROPERTY_PREFIX = "avro.java.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Schema, Schema> CACHE = new ConcurrentHashMap<>();

    private PortableSchema() {}

    /** The schema without properties whose names start with {@code avro.java.}. */
    public static Schema of(Schema schema) {
        return CACHE.computeIfAbsent(schema, PortableSchema::strip);
    }

    private static Schema strip(Schema schema) {
        try {
            JsonNode tree = JSON.readTree(schema.toString());
            removeJavaProperties(tree);
            return new Schema.Parser().parse(JSON.writeValueAsString(tree));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite schema " + schema.getFullName(), e);
        }
    }

    private static void removeJavaProperties(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(entry -> entry.getKey().startsWith(JAVA_PROPERTY_PREFIX));
        }
        node.forEach(PortableSchema::removeJavaProperties);
    }
}
