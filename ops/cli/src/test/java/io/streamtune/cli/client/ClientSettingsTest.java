package io.streamtune.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.streamtune.schemas.TextEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientSettingsTest {

    @TempDir
    Path folder;

    @Test
    void shouldDefaultToTheLocalStack() {
        ClientSettings settings = ClientSettings.load(null, null, null);

        assertThat(settings.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(settings.serdeConfig())
                .containsEntry("schema.registry.url", "http://localhost:8081/api/v1/confluent")
                .containsEntry("auto.register.schemas", "true");
    }

    @Test
    void shouldPassClientKeysThroughAndGiveRegistryKeysToTheSerdesWithOptionsWinning() throws Exception {
        Path file = Files.writeString(folder.resolve("client.properties"), """
                bootstrap.servers=broker-1:9093
                security.protocol=SASL_SSL
                sasl.mechanism=PLAIN
                schema.registry.url=https://registry:8081
                basic.auth.credentials.source=USER_INFO
                basic.auth.user.info=user:secret
                auto.register.schemas=false
                """);

        ClientSettings fromFile = ClientSettings.load(file, null, null);
        ClientSettings overridden = ClientSettings.load(file, "other:9092", "http://other:8081");

        assertThat(fromFile.clientProperties())
                .containsEntry("bootstrap.servers", "broker-1:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .doesNotContainKeys("schema.registry.url", "basic.auth.user.info");
        assertThat(fromFile.serdeConfig())
                .containsEntry("schema.registry.url", "https://registry:8081")
                .containsEntry("basic.auth.user.info", "user:secret")
                .containsEntry("auto.register.schemas", "false")
                .doesNotContainKey("security.protocol");
        assertThat(overridden.bootstrapServers()).isEqualTo("other:9092");
        assertThat(overridden.serdeConfig()).containsEntry("schema.registry.url", "http://other:8081");
    }

    @Test
    void shouldReadTheAppsStreamtuneFileIgnoringTheAppsOwnKeys() throws Exception {
        Path file = Files.writeString(folder.resolve("streamtune.properties"), """
                kafka.bootstrap.servers=broker-1:9093
                kafka.security.protocol=SASL_SSL
                registry.url=https://registry:8081
                registry.basic.auth.user.info=user:secret
                registry.basic.auth.credentials.source=USER_INFO
                model.name=sentiment
                topic.text.events=texts
                classifier.batch.max.records=8
                trainer.round.seed=7
                """);

        ClientSettings settings = ClientSettings.load(file, null, null);

        assertThat(settings.clientProperties())
                .containsOnly(entry("bootstrap.servers", "broker-1:9093"), entry("security.protocol", "SASL_SSL"));
        assertThat(settings.serdeConfig())
                .containsEntry("schema.registry.url", "https://registry:8081")
                .containsEntry("basic.auth.user.info", "user:secret")
                .doesNotContainKeys("url", "model.name");
    }

    @Test
    void shouldNameAMissingOrUnreadableConfigFile() throws Exception {
        Path missing = folder.resolve("missing.properties");
        Path malformed = Files.writeString(folder.resolve("bad.properties"), "key=\\u12G4\n");

        assertThatThrownBy(() -> ClientSettings.load(missing, null, null))
                .isInstanceOf(CommandException.class)
                .hasMessage("config file " + missing + " does not exist");
        assertThatThrownBy(() -> ClientSettings.load(malformed, null, null))
                .hasMessageStartingWith("cannot read config file " + malformed + ": ")
                .hasMessageContaining("\\uxxxx");
    }

    @Test
    void shouldNameTheKeyAndFileOfAnInvalidRegistrySetting() throws Exception {
        Path file = Files.writeString(
                folder.resolve("c.properties"),
                "basic.auth.credentials.source=USER_INFO\nbasic.auth.user.info=nocolon\n");

        assertThatThrownBy(() -> ClientSettings.load(file, null, null))
                .isInstanceOf(CommandException.class)
                .hasMessageStartingWith("invalid setting in config file " + file)
                .hasMessageContaining("basic.auth.user.info");
        assertThatThrownBy(() -> ClientSettings.load(null, null, "ftp://x"))
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void shouldNameTheKeyAndFileOfAnInvalidKafkaSetting() throws Exception {
        Path file = Files.writeString(folder.resolve("c.properties"), "linger.ms=soon\n");
        ClientSettings settings = ClientSettings.load(file, null, null);

        assertThatThrownBy(settings::<TextEvent>producer)
                .isInstanceOf(CommandException.class)
                .hasMessageStartingWith("invalid setting in config file " + file)
                .hasMessageContaining("linger.ms");
    }

    @Test
    void shouldRefuseAnAcksSettingThatAnIdempotentProducerCannotUse() throws Exception {
        Path file = Files.writeString(folder.resolve("c.properties"), "acks=1\n");
        ClientSettings settings = ClientSettings.load(file, null, null);

        assertThatThrownBy(settings::<TextEvent>producer)
                .isInstanceOf(CommandException.class)
                .hasMessageStartingWith("invalid setting in config file " + file)
                .hasMessageContaining("acks");
    }
}
