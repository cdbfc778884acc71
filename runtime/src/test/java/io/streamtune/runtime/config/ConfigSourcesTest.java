package io.streamtune.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourcesTest {

    @TempDir
    Path folder;

    private static KeyScheme scheme() {
        return KeyScheme.of(
                "classifier",
                SharedKeys.define(new ConfigDef(), SharedKeys.MODEL_NAME)
                        .define("classifier.batch.max.records", Type.INT, 32, Importance.LOW, "records per batch"),
                RenamedKeys.none());
    }

    @Test
    void shouldLetTheEnvironmentWinOverTheFileAndTrimBoth() throws IOException {
        Path file = folder.resolve("streamtune.properties");
        Files.writeString(file, "model.name = sentiment  \nclassifier.batch.max.records=16\n");

        Map<String, Object> settings = ConfigSources.load(
                        file, Map.of("STREAMTUNE_CLASSIFIER_BATCH_MAX_RECORDS", " 64 ", "PATH", "/usr/bin"), scheme())
                .settings();

        assertThat(settings)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("model.name", "sentiment", "classifier.batch.max.records", "64"));
    }

    @Test
    void shouldLetAVariableWinOverTheFileWhicheverNameEitherUses() throws IOException {
        Path file = folder.resolve("streamtune.properties");
        Files.writeString(file, "classifier.batch.max.records=16\n");

        KeyScheme.Resolved resolved = ConfigSources.load(file, Map.of("STREAMTUNE_BATCH_MAX_RECORDS", "64"), scheme());

        assertThat(resolved.settings()).containsExactlyEntriesOf(Map.of("classifier.batch.max.records", "64"));
        assertThat(resolved.renamed())
                .containsExactlyEntriesOf(Map.of("batch.max.records", "classifier.batch.max.records"));
    }

    @Test
    void shouldMapVariablesToKeysAndBack() {
        assertThat(ConfigSources.keyOf("STREAMTUNE_KAFKA_SASL_MECHANISM")).isEqualTo("kafka.sasl.mechanism");
        assertThat(ConfigSources.variableOf("trainer.round.seed")).isEqualTo("STREAMTUNE_TRAINER_ROUND_SEED");
    }

    @Test
    void shouldNotTakeTheHomeOrLogLevelVariablesForSettings() {
        assertThat(ConfigSources.fromEnvironment(
                        Map.of("STREAMTUNE_HOME", "/opt", "STREAMTUNE_LOG_LEVEL", "DEBUG", "STREAMTUNE_", "x")))
                .isEmpty();
    }

    @Test
    void shouldNameAMissingFile() {
        Path missing = folder.resolve("nope.properties");

        assertThatThrownBy(() -> ConfigSources.load(missing, Map.of(), scheme()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }
}
