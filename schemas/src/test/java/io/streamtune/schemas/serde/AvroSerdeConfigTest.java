package io.streamtune.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.schemas.registry.RegistryClientConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvroSerdeConfigTest {

    @Test
    void shouldDefaultToNoAutoRegistration() {
        assertThat(new AvroSerdeConfig(Map.of()).autoRegisterSchemas()).isFalse();
    }

    @Test
    void shouldBuildRegistryClientConfigFromConfluentKeys() {
        RegistryClientConfig config = new AvroSerdeConfig(Map.of(
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://a:8081,https://b:8081/api/v1/confluent",
                        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                        AvroSerdeConfig.BASIC_AUTH_USER_INFO, "fred:letmein",
                        AvroSerdeConfig.HTTP_CONNECT_TIMEOUT_MS, "1500",
                        AvroSerdeConfig.HTTP_READ_TIMEOUT_MS, 2500,
                        AvroSerdeConfig.MAX_RETRIES, "5",
                        AvroSerdeConfig.RETRIES_WAIT_MS, "20",
                        AvroSerdeConfig.RETRIES_MAX_WAIT_MS, "80"))
                .registryClientConfig();

        assertThat(config.baseUrls())
                .containsExactly(URI.create("http://a:8081"), URI.create("https://b:8081/api/v1/confluent"));
        assertThat(config.basicAuthUserInfo()).hasValue("fred:letmein");
        assertThat(config.bearerToken()).isEmpty();
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.retryPolicy().maxRetries()).isEqualTo(5);
        assertThat(config.retryPolicy().backoffBeforeRetry(1)).isEqualTo(Duration.ofMillis(20));
        assertThat(config.retryPolicy().backoffBeforeRetry(4)).isEqualTo(Duration.ofMillis(80));
    }

    @Test
    void shouldTakeBasicAuthFromUrlByDefaultAndStripItFromTheUrl() {
        RegistryClientConfig config = new AvroSerdeConfig(
                        Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://fred:secret@registry:8081"))
                .registryClientConfig();

        assertThat(config.basicAuthUserInfo()).hasValue("fred:secret");
        assertThat(config.baseUrls()).containsExactly(URI.create("http://registry:8081"));
    }

    @Test
    void shouldTakeBearerToken() {
        RegistryClientConfig config = new AvroSerdeConfig(Map.of(
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://registry:8081",
                        AvroSerdeConfig.BEARER_AUTH_TOKEN, "t0ken"))
                .registryClientConfig();

        assertThat(config.bearerToken()).hasValue("t0ken");
    }

    @Test
    void shouldNameTheKeyOfABadValue() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of(AvroSerdeConfig.MAX_RETRIES, "-1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AvroSerdeConfig.MAX_RETRIES);
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "maybe")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS);
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "SASL")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE);
    }

    @Test
    void shouldRequireARegistryUrl() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of()).registryClientConfig())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AvroSerdeConfig.SCHEMA_REGISTRY_URL);
    }

    @Test
    void shouldRejectUrlWithoutHttpScheme() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "registry:8081"))
                        .registryClientConfig())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AvroSerdeConfig.SCHEMA_REGISTRY_URL);
    }

    @Test
    void shouldRequireUserInfoWhenItIsTheCredentialsSource() {
        Map<String, Object> configs = Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://registry:8081",
                AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");

        assertThatThrownBy(() -> new AvroSerdeConfig(configs).registryClientConfig())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AvroSerdeConfig.BASIC_AUTH_USER_INFO);
    }

    @Test
    void shouldRejectMissingTrustStoreFile() {
        Map<String, Object> configs = Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, "https://registry:8081",
                AvroSerdeConfig.SSL_TRUSTSTORE_LOCATION, "/no/such/truststore.p12");

        assertThatThrownBy(() -> new AvroSerdeConfig(configs).registryClientConfig())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AvroSerdeConfig.SSL_TRUSTSTORE_LOCATION);
    }

    @Test
    void shouldRefuseBasicAuthAndBearerTokenTogether() {
        Map<String, Object> configs = Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://u:p@registry:8081",
                AvroSerdeConfig.BEARER_AUTH_TOKEN, "t0ken");

        assertThatThrownBy(() -> new AvroSerdeConfig(configs).registryClientConfig())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AvroSerdeConfig.BEARER_AUTH_TOKEN);
    }
}
