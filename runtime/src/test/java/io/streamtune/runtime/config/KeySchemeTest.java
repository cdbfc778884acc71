package io.streamtune.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class KeySchemeTest {

    private static final String BATCH = "classifier.batch.max.records";

    private final KeyScheme scheme = KeyScheme.of(
            "classifier",
            SharedKeys.define(new ConfigDef(), SharedKeys.MODEL_NAME, SharedKeys.REGISTRY_URL)
                    .define(BATCH, Type.INT, 32, Importance.LOW, "records per batch"),
            RenamedKeys.builder()
                    .key("schema.registry.url", SharedKeys.REGISTRY_URL)
                    .prefix("legacy.", "kafka.", rest -> rest.startsWith("sasl."))
                    .build());

    @Test
    void shouldKeepCurrentKeysAndAcceptSharedKeysAndOtherAppsKeys() {
        Map<String, Object> settings = Map.of(
                BATCH,
                "8",
                "model.labels",
                "a,b",
                "kafka.security.protocol",
                "SASL_SSL",
                "trainer.round.seed",
                "7",
                "review.http.port",
                "8085");

        KeyScheme.Resolved resolved = scheme.resolve(settings);

        assertThat(resolved.settings()).isEqualTo(settings);
        assertThat(resolved.renamed()).isEmpty();
    }

    @Test
    void shouldRenameOldKeysToTheKeysThatReplaceThem() {
        KeyScheme.Resolved resolved = scheme.resolve(Map.of(
                "schema.registry.url", "http://registry:8081",
                "batch.max.records", "8",
                "classifier.model.name", "sentiment",
                "legacy.sasl.mechanism", "PLAIN"));

        assertThat(resolved.settings())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        SharedKeys.REGISTRY_URL,
                        "http://registry:8081",
                        BATCH,
                        "8",
                        SharedKeys.MODEL_NAME,
                        "sentiment",
                        "kafka.sasl.mechanism",
                        "PLAIN"));
        assertThat(resolved.renamed())
                .containsEntry("batch.max.records", BATCH)
                .containsEntry("classifier.model.name", SharedKeys.MODEL_NAME)
                .hasSize(4);
    }

    @Test
    void shouldLetTheCurrentKeyWinOverItsOldKey() {
        KeyScheme.Resolved resolved = scheme.resolve(Map.of("batch.max.records", "8", BATCH, "16"));

        assertThat(resolved.settings()).containsExactlyEntriesOf(Map.of(BATCH, "16"));
    }

    @Test
    void shouldRefuseAnUnknownKeyByName() {
        assertThatThrownBy(() -> scheme.resolve(Map.of("classifier.batch.max.recrods", "8")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'classifier.batch.max.recrods'")
                .hasMessageContaining("not a classifier setting");
        assertThatThrownBy(() -> scheme.resolve(Map.of("model.nmae", "x"))).hasMessageContaining("'model.nmae'");
        assertThatThrownBy(() -> scheme.resolve(Map.of("legacy.acks", "all"))).hasMessageContaining("'legacy.acks'");
    }

    @Test
    void shouldRefuseAnAppWithoutANamespace() {
        assertThatThrownBy(() -> KeyScheme.of("nobody", new ConfigDef(), RenamedKeys.none()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
