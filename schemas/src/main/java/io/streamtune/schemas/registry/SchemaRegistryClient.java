package io.streamtune.schemas.registry;

import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The operations Streamtune needs from a schema registry, as in the Confluent Schema Registry REST API.
 *
 * <p>Ids are only unique per registry; they are not assumed to be shared between subjects (some registries give
 * an identical schema a new id under every subject). Implementations are thread-safe.
 */
public interface SchemaRegistryClient {

    /**
     * Registers the schema under the subject, or finds it if it is already registered there.
     *
     * @return the schema's id
     * @throws SchemaRegistryException if the registry refuses it (incompatible, invalid) or cannot be reached
     */
    int register(String subject, Schema schema);

    /**
     * Finds an identical schema already registered under the subject, without registering anything.
     *
     * @return the registered schema, or empty if the subject or the schema under it is not registered
     */
    Optional<RegisteredSchema> lookup(String subject, Schema schema);

    /**
     * The schema with this id.
     *
     * @throws SchemaRegistryException with {@link SchemaRegistryException#isNotFound()} if no schema has the id
     */
    Schema schemaById(int id);

    /**
     * The latest version registered under the subject.
     *
     * @throws SchemaRegistryException with {@link SchemaRegistryException#isNotFound()} if the subject is unknown
     */
    RegisteredSchema latest(String subject);

    /** Whether the registry would accept the schema as the next version of the subject. */
    boolean testCompatibility(String subject, Schema schema);
}
