package io.streamtune.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.schemas.serde.PortableSchema;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every contract has the project namespace and documents itself and every field. */
class ContractDocumentationTest {

    static List<String> contracts() {
        return SchemaHistory.contracts();
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void shouldUseProjectNamespace(String contract) {
        Schema schema = SchemaHistory.current(contract);

        assertThat(schema.getFullName()).isEqualTo("io.streamtune.schemas." + contract);
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void shouldDocumentRecordAndEveryField(String contract) {
        Schema schema = SchemaHistory.current(contract);

        assertThat(schema.getDoc()).as("doc of %s", contract).isNotBlank();
        assertThat(schema.getFields()).allSatisfy(field -> assertThat(field.doc())
                .as("doc of %s.%s", contract, field.name())
                .isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void shouldMatchTheGeneratedClass(String contract) throws ClassNotFoundException {
        Class<?> generated = Class.forName("io.streamtune.schemas." + contract);

        assertThat(PortableSchema.of(SpecificData.get().getSchema(generated)))
                .isEqualTo(SchemaHistory.current(contract));
    }
}
