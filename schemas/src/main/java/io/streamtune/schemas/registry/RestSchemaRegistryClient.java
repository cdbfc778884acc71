package io.streamtune.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SchemaRegistryClient} speaking the Confluent Schema Registry REST API over {@code java.net.http}.
 *
 * <p>Caches schemas by id and ids by (subject, schema): ids are never assumed to be shared between subjects, so a
 * registry that gives an identical schema a new id per subject works too.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final Logger log = LoggerFactory.getLogger(RestSchemaRegistryClient.class);

    private final RegistryHttp http;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(RegistryClientConfig config) {
        this.http = new RegistryHttp(config);
        log.debug("Schema registry client for {}", config);
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = http.post(subjectPath(subject) + "/versions", schemaBody(schema));
        int id = requiredInt(answer, "id");
        log.info("Registered schema {} under subject {} with id {}", schema.getFullName(), subject, id);
        remember(key, id);
        return id;
    }

    @Override
    public Optional<RegisteredSchema> lookup(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        try {
            JsonNode answer = http.post(subjectPath(subject), schemaBody(schema));
            RegisteredSchema found = new RegisteredSchema(
                    subject, requiredInt(answer, "id"), answer.path("version").asInt(0), schema);
            remember(key, found.id());
            return Optional.of(found);
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        Schema schema = parse(http.get("/schemas/ids/" + id).path("schema").asText(null), "id " + id);
        schemasById.putIfAbsent(id, schema);
        return schema;
    }

    @Override
    public RegisteredSchema latest(String subject) {
        JsonNode answer = http.get(subjectPath(subject) + "/versions/latest");
        int id = requiredInt(answer, "id");
        Schema schema = parse(answer.path("schema").asText(null), "subject " + subject);
        schemasById.putIfAbsent(id, schema);
        return new RegisteredSchema(subject, id, requiredInt(answer, "version"), schema);
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        try {
            JsonNode answer =
                    http.post("/compatibility" + subjectPath(subject) + "/versions/latest", schemaBody(schema));
            return answer.path("is_compatible").asBoolean(false);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    private void remember(SubjectSchema key, int id) {
        idsBySubjectSchema.put(key, id);
        schemasById.putIfAbsent(id, key.schema());
    }

    private static Map<String, String> schemaBody(Schema schema) {
        return Map.of("schema", schema.toString());
    }

    private static String subjectPath(String subject) {
        return "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int requiredInt(JsonNode answer, String field) {
        JsonNode value = answer.path(field);
        if (!value.canConvertToInt()) {
            throw new SchemaRegistryException(
                    "schema registry answer has no integer '" + field + "': " + answer, 200, 0);
        }
        return value.asInt();
    }

    private static Schema parse(String text, String what) {
        if (text == null) {
            throw new SchemaRegistryException("schema registry answer for " + what + " has no schema", 200, 0);
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException("schema registry returned an unparseable schema for " + what, e);
        }
    }

    private record SubjectSchema(String subject, Schema schema) {}
}
