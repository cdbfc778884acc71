package io.streamtune.schemas.serde;

import io.streamtune.schemas.registry.RegistryClientConfig;
import io.streamtune.schemas.registry.RetryPolicy;
import io.streamtune.schemas.registry.TrustStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The settings of the Avro serdes, under Confluent's key names so existing client configs work unchanged. Invalid
 * values fail at {@code configure} with a {@link ConfigException} naming the key.
 */
public final class AvroSerdeConfig extends AbstractConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";

    /** {@link #BASIC_AUTH_CREDENTIALS_SOURCE}: take {@code user:password} from {@link #BASIC_AUTH_USER_INFO}. */
    public static final String CREDENTIALS_FROM_USER_INFO = "USER_INFO";

    /** {@link #BASIC_AUTH_CREDENTIALS_SOURCE}: take {@code user:password} from the registry URL's user info. */
    public static final String CREDENTIALS_FROM_URL = "URL";

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(
                    SCHEMA_REGISTRY_URL,
                    Type.LIST,
                    List.of(),
                    Importance.HIGH,
                    "Comma-separated base URLs of the schema registry (replicas of one registry). Required unless a"
                            + " SchemaRegistryClient is passed to the constructor.")
            .define(
                    AUTO_REGISTER_SCHEMAS,
                    Type.BOOLEAN,
                    false,
                    Importance.HIGH,
                    "Serializer: register the record's schema when missing. When false the schema must already be"
                            + " registered under the subject, else serializing fails.")
            .define(
                    BASIC_AUTH_CREDENTIALS_SOURCE,
                    Type.STRING,
                    CREDENTIALS_FROM_URL,
                    ConfigDef.ValidString.in(CREDENTIALS_FROM_USER_INFO, CREDENTIALS_FROM_URL),
                    Importance.MEDIUM,
                    "Where basic auth credentials come from: USER_INFO or URL (user:password@host).")
            .define(
                    BASIC_AUTH_USER_INFO,
                    Type.PASSWORD,
                    null,
                    Importance.MEDIUM,
                    "user:password for basic auth, when the credentials source is USER_INFO.")
            .define(BEARER_AUTH_TOKEN, Type.PASSWORD, null, Importance.MEDIUM, "A static bearer token.")
            .define(
                    SSL_TRUSTSTORE_LOCATION,
                    Type.STRING,
                    null,
                    Importance.MEDIUM,
                    "Trust store file for the registry's TLS certificate; the JVM default trust when unset.")
            .define(SSL_TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "The trust store password.")
            .define(
                    SSL_TRUSTSTORE_TYPE,
                    Type.STRING,
                    "JKS",
                    new ConfigDef.NonEmptyString(),
                    Importance.LOW,
                    "The trust store type: JKS or PKCS12.")
            .define(
                    HTTP_CONNECT_TIMEOUT_MS,
                    Type.INT,
                    10_000,
                    ConfigDef.Range.atLeast(1),
                    Importance.LOW,
                    "Milliseconds to wait for a connection to the registry.")
            .define(
                    HTTP_READ_TIMEOUT_MS,
                    Type.INT,
                    30_000,
                    ConfigDef.Range.atLeast(1),
                    Importance.LOW,
                    "Milliseconds to wait for the registry's answer.")
            .define(
                    MAX_RETRIES,
                    Type.INT,
                    3,
                    ConfigDef.Range.atLeast(0),
                    Importance.LOW,
                    "Retries of a registry call that got no answer or a 5xx; 4xx answers are never retried.")
            .define(
                    RETRIES_WAIT_MS,
                    Type.LONG,
                    100L,
                    ConfigDef.Range.atLeast(0),
                    Importance.LOW,
                    "Milliseconds before the first retry, doubled before each next one.")
            .define(
                    RETRIES_MAX_WAIT_MS,
                    Type.LONG,
                    1_000L,
                    ConfigDef.Range.atLeast(0),
                    Importance.LOW,
                    "The longest wait between two retries, in milliseconds.");

    public AvroSerdeConfig(Map<String, ?> configs) {
        super(DEFINITION, configs, false);
    }

    /** The definition of every key, e.g. to print documentation with {@code toHtml()}. */
    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    public boolean autoRegisterSchemas() {
        return getBoolean(AUTO_REGISTER_SCHEMAS);
    }

    /**
     * The registry client settings.
     *
     * @throws ConfigException naming the key when no URL is set, a URL is invalid or the credentials are incomplete
     */
    public RegistryClientConfig registryClientConfig() {
        List<URI> urls = registryUrls();
        RegistryClientConfig.Builder builder = RegistryClientConfig.builder(
                        urls.stream().map(AvroSerdeConfig::withoutUserInfo).toList())
                .connectTimeout(Duration.ofMillis(getInt(HTTP_CONNECT_TIMEOUT_MS)))
                .readTimeout(Duration.ofMillis(getInt(HTTP_READ_TIMEOUT_MS)))
                .retryPolicy(new RetryPolicy(
                        getInt(MAX_RETRIES),
                        Duration.ofMillis(getLong(RETRIES_WAIT_MS)),
                        Duration.ofMillis(getLong(RETRIES_MAX_WAIT_MS))));
        String userInfo = basicAuthUserInfo(urls);
        Password token = getPassword(BEARER_AUTH_TOKEN);
        if (userInfo != null && token != null) {
            throw new ConfigException(
                    BEARER_AUTH_TOKEN, "[hidden]", "set either basic auth or a bearer token, not both");
        }
        builder.basicAuth(userInfo).bearerToken(token == null ? null : token.value());
        trustStore().ifPresent(builder::trustStore);
        return builder.build();
    }

    private List<URI> registryUrls() {
        List<String> values = getList(SCHEMA_REGISTRY_URL);
        if (values.isEmpty()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, values, "at least one schema registry URL is required");
        }
        return values.stream().map(AvroSerdeConfig::parseUrl).toList();
    }

    private static URI parseUrl(String value) {
        try {
            URI uri = URI.create(value.trim());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigException(SCHEMA_REGISTRY_URL, value, "must be an http:// or https:// URL with a host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, value, "not a valid URL: " + e.getMessage());
        }
    }

    private String basicAuthUserInfo(List<URI> urls) {
        if (CREDENTIALS_FROM_URL.equals(getString(BASIC_AUTH_CREDENTIALS_SOURCE))) {
            return urls.get(0).getUserInfo();
        }
        Password userInfo = getPassword(BASIC_AUTH_USER_INFO);
        if (userInfo == null || !userInfo.value().contains(":")) {
            throw new ConfigException(
                    BASIC_AUTH_USER_INFO,
                    "[hidden]",
                    "must be user:password when " + BASIC_AUTH_CREDENTIALS_SOURCE + "=" + CREDENTIALS_FROM_USER_INFO);
        }
        return userInfo.value();
    }

    private Optional<TrustStore> trustStore() {
        String location = getString(SSL_TRUSTSTORE_LOCATION);
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(location);
        if (!path.toFile().isFile()) {
            throw new ConfigException(SSL_TRUSTSTORE_LOCATION, location, "no such file");
        }
        Password password = getPassword(SSL_TRUSTSTORE_PASSWORD);
        return Optional.of(
                new TrustStore(path, password == null ? null : password.value(), getString(SSL_TRUSTSTORE_TYPE)));
    }

    private static URI withoutUserInfo(URI uri) {
        if (uri.getUserInfo() == null) {
            return uri;
        }
        String text = uri.toString();
        return URI.create(text.replaceFirst("//[^@/]*@", "//"));
    }
}
