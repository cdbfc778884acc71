package io.streamtune.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.serde.PortableSchema;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryClientTest {

    private static final Schema V1 = PortableSchema.of(TextEvent.getClassSchema());

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    @Test
    void shouldNumberIdsGloballyAndVersionsPerSubject() {
        int first = registry.register("a-value", V1);
        int again = registry.register("a-value", V1);
        Schema v2 = withOptionalField(V1);
        int second = registry.register("a-value", v2);

        assertThat(again).isEqualTo(first);
        assertThat(registry.latest("a-value")).isEqualTo(new RegisteredSchema("a-value", second, 2, v2));
        assertThat(registry.schemaById(first)).isEqualTo(V1);
        assertThat(registry.lookup("a-value", V1))
                .map(RegisteredSchema::version)
                .hasValue(1);
        assertThat(registry.lookup("b-value", V1)).isEmpty();
    }

    @Test
    void shouldRefuseVersionThatCannotReadTheLatest() {
        registry.register("a-value", V1);
        Schema breaking = new Schema.Parser()
                .parse(V1.toString().replace("\"fields\":[", "\"fields\":[{\"name\":\"tenant\",\"type\":\"string\"},"));

        SchemaRegistryException error =
                catchThrowableOfType(SchemaRegistryException.class, () -> registry.register("a-value", breaking));

        assertThat(registry.testCompatibility("a-value", breaking)).isFalse();
        assertThat(error.httpStatus()).isEqualTo(409);
        assertThat(error.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA);
    }

    @Test
    void shouldAnswerNotFoundForUnknownIdAndSubject() {
        SchemaRegistryException unknownId =
                catchThrowableOfType(SchemaRegistryException.class, () -> registry.schemaById(99));
        SchemaRegistryException unknownSubject =
                catchThrowableOfType(SchemaRegistryException.class, () -> registry.latest("nope"));

        assertThat(unknownId.isNotFound()).isTrue();
        assertThat(unknownId.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
        assertThat(unknownSubject.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
    }

    private static Schema withOptionalField(Schema schema) {
        return new Schema.Parser()
                .parse(
                        schema.toString()
                                .replace(
                                        "\"fields\":[",
                                        "\"fields\":[{\"name\":\"language\",\"type\":[\"null\",\"string\"],\"default\":null},"));
    }
}
