package io.streamtune.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.schemas.SchemaHistory.Version;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** BACKWARD compatibility: today's schema of each contract reads data written with every committed version. */
class SchemaCompatibilityTest {

    static List<String> contracts() {
        return SchemaHistory.contracts();
    }

    @Test
    void shouldFindEveryContract() {
        assertThat(contracts()).containsExactly("Classification", "LabelCorrection", "ModelVersion", "TextEvent");
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void shouldKeepNumberedHistoryWithoutGaps(String contract) {
        List<Integer> numbers =
                SchemaHistory.versions(contract).stream().map(Version::number).toList();

        assertThat(numbers)
                .as("src/main/avro-history/%s/v1.avsc ... vN.avsc", contract)
                .isNotEmpty()
                .isEqualTo(IntStream.rangeClosed(1, numbers.size()).boxed().toList());
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void shouldReadDataWrittenWithEveryHistoricalVersion(String contract) {
        Schema current = SchemaHistory.current(contract);

        for (Version version : SchemaHistory.versions(contract)) {
            var result = SchemaCompatibility.checkReaderWriterCompatibility(current, version.schema());
            assertThat(result.getType())
                    .as(
                            "%s today reading data written with %s: %s",
                            contract, version.file(), result.getResult().getIncompatibilities())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void shouldRecordTodaysSchemaAsLatestHistoricalVersion(String contract) {
        List<Version> versions = SchemaHistory.versions(contract);
        Version latest = versions.get(versions.size() - 1);

        assertThat(latest.schema())
                .as(
                        "%s changed: copy src/main/avro/%s.avsc to src/main/avro-history/%s/v%d.avsc",
                        contract, contract, contract, latest.number() + 1)
                .isEqualTo(SchemaHistory.current(contract));
    }

    @Test
    void shouldRejectAFieldAddedWithoutDefault() {
        Schema v1 = SchemaHistory.current("TextEvent");
        Schema breaking = new Schema.Parser()
                .parse(v1.toString().replace("\"fields\":[", "\"fields\":[{\"name\":\"tenant\",\"type\":\"string\"},"));

        var result = SchemaCompatibility.checkReaderWriterCompatibility(breaking, v1);

        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }
}
