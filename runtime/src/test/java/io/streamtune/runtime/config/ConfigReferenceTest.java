package io.streamtune.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {

    private final ConfigDef definition = SharedKeys.define(new ConfigDef(), SharedKeys.MODEL_NAME)
            .define(
                    "classifier.batch.max.records",
                    Type.INT,
                    32,
                    Range.between(1, 4096),
                    Importance.LOW,
                    "Records per batch | at most.")
            .define("classifier.token", Type.PASSWORD, "secret", Importance.LOW, "A token.");

    private final List<String> keys =
            List.of(SharedKeys.MODEL_NAME, "classifier.batch.max.records", "classifier.token");

    @Test
    void shouldRenderOneRowPerKeyWithDefaultValidValuesAndDoc() {
        String table = ConfigReference.markdownTable(definition, keys);

        assertThat(table.lines())
                .hasSize(5)
                .contains("| `classifier.batch.max.records` | `32` | [1,...,4096] | Records per batch \\| at most. |");
        assertThat(table).contains("| `model.name` | required |").doesNotContain("secret");
    }

    @Test
    void shouldWriteAStarterFileThatLoadsToTheRequiredKeysOnly() throws IOException {
        String file = ConfigReference.starterFile(definition, keys);

        Properties properties = new Properties();
        properties.load(new StringReader(file));
        assertThat(properties).containsOnlyKeys(SharedKeys.MODEL_NAME);
        assertThat(file)
                .contains("#classifier.batch.max.records=32")
                .contains("# Records per batch | at most. Valid values: [1,...,4096].")
                .doesNotContain("secret");
    }
}
