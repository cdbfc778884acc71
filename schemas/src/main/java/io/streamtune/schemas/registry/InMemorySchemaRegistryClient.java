package io.streamtune.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A registry held in memory, for {@code TopologyTestDriver} unit tests only: integration tests use a real registry.
 *
 * <p>Like a real registry it numbers ids globally and versions per subject, refuses a new version that is not
 * BACKWARD compatible with the latest one (HTTP 409), and answers 404 for unknown ids and subjects.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, List<RegisteredSchema>> versionsBySubject = new HashMap<>();
    private int nextId = 1;

    @Override
    public synchronized int register(String subject, Schema schema) {
        Optional<RegisteredSchema> existing = lookup(subject, schema);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        if (!testCompatibility(subject, schema)) {
            throw new SchemaRegistryException(
                    "schema is incompatible with the latest version of " + subject,
                    409,
                    SchemaRegistryException.INCOMPATIBLE_SCHEMA);
        }
        List<RegisteredSchema> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        RegisteredSchema registered = new RegisteredSchema(subject, nextId++, versions.size() + 1, schema);
        versions.add(registered);
        schemasById.put(registered.id(), schema);
        return registered.id();
    }

    @Override
    public synchronized Optional<RegisteredSchema> lookup(String subject, Schema schema) {
        return versionsBySubject.getOrDefault(subject, List.of()).stream()
                .filter(version -> version.schema().equals(schema))
                .findFirst();
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(
                    "schema " + id + " not found", 404, SchemaRegistryException.SCHEMA_NOT_FOUND);
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        List<RegisteredSchema> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw new SchemaRegistryException(
                    "subject " + subject + " not found", 404, SchemaRegistryException.SUBJECT_NOT_FOUND);
        }
        return versions.get(versions.size() - 1);
    }

    @Override
    public synchronized boolean testCompatibility(String subject, Schema schema) {
        List<RegisteredSchema> versions = versionsBySubject.get(subject);
        if (versions == null) {
            return true;
        }
        Schema latest = versions.get(versions.size() - 1).schema();
        return SchemaCompatibility.checkReaderWriterCompatibility(schema, latest)
                        .getType()
                == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    }
}
