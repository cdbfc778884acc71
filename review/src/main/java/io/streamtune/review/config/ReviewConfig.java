package io.streamtune.review.config;

import io.streamtune.review.queue.QueueSettings;
import io.streamtune.review.queue.Uncertainty;
import io.streamtune.runtime.config.ConfigSources;
import io.streamtune.runtime.config.KeyScheme;
import io.streamtune.runtime.config.RenamedKeys;
import io.streamtune.runtime.config.SharedKeys;
import io.streamtune.schemas.serde.AvroSerdeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * The review workbench's settings: the shared keys ({@code kafka.*}, {@code registry.*}, {@code model.name},
 * {@code topic.*}) as every app reads them, and its own under {@value #NAMESPACE}. An unknown key stops start-up
 * naming it.
 */
public final class ReviewConfig extends AbstractConfig {

    public static final String NAMESPACE = "review.";
    public static final String UNCERTAINTY = NAMESPACE + "uncertainty";
    public static final String AUDIT_RATE = NAMESPACE + "audit.rate";
    public static final String AUDIT_SHARE = NAMESPACE + "audit.share";
    public static final String AUDIT_OVERLAP = NAMESPACE + "audit.overlap";
    public static final String LEASE_SECONDS = NAMESPACE + "lease.seconds";
    public static final String UNDO_SECONDS = NAMESPACE + "undo.seconds";
    public static final String QUEUE_MAX_ITEMS = NAMESPACE + "queue.max.items";
    public static final String GROUP_ID = NAMESPACE + "group.id";
    public static final String TOPIC_LEASES = NAMESPACE + "topic.leases";
    public static final String HTTP_HOST = NAMESPACE + "http.host";
    public static final String HTTP_PORT = NAMESPACE + "http.port";
    public static final String TLS_KEYSTORE_PATH = NAMESPACE + "tls.keystore.path";
    public static final String TLS_KEYSTORE_PASSWORD = NAMESPACE + "tls.keystore.password";
    public static final String RATE_LIMIT_PER_MINUTE = NAMESPACE + "rate.limit.per.minute";
    public static final String USERS_FILE = NAMESPACE + "users.file";
    public static final String SESSION_SECRET = NAMESPACE + "session.secret";
    public static final String SESSION_HOURS = NAMESPACE + "session.hours";
    public static final String LOGIN_MAX_FAILURES = NAMESPACE + "login.max.failures";

    private static final ConfigDef DEFINITION = ReviewConfigDefinition.define();
    private static final KeyScheme SCHEME =
            KeyScheme.of("review", DEFINITION, RenamedKeys.builder().build());

    /**
     * Validates the settings.
     *
     * @throws ConfigException naming the first unknown key or invalid value
     */
    public ReviewConfig(Map<?, ?> settings) {
        this(SCHEME.resolve(settings));
    }

    private ReviewConfig(KeyScheme.Resolved resolved) {
        super(DEFINITION, resolved.checked(DEFINITION), false);
        String secret = sessionSecret();
        if (!secret.isEmpty() && secret.length() < 32) {
            throw new ConfigException(SESSION_SECRET, "(hidden)", "must be at least 32 characters");
        }
    }

    /** The file (may be null) with the {@code STREAMTUNE_*} environment over it, then the defaults. */
    public static ReviewConfig load(Path file, Map<String, String> environment) {
        return new ReviewConfig(ConfigSources.load(file, environment, SCHEME));
    }

    /** The definition of every key, e.g. to print the reference. */
    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    public String modelName() {
        return getString(SharedKeys.MODEL_NAME);
    }

    public String classificationsTopic() {
        return getString(SharedKeys.TOPIC_CLASSIFICATIONS);
    }

    public String correctionsTopic() {
        return getString(SharedKeys.TOPIC_LABEL_CORRECTIONS);
    }

    public String modelVersionsTopic() {
        return getString(SharedKeys.TOPIC_MODEL_VERSIONS);
    }

    public String leasesTopic() {
        return getString(TOPIC_LEASES);
    }

    public String groupId() {
        String id = getString(GROUP_ID).trim();
        return id.isEmpty() ? "streamtune-review-" + modelName() : id;
    }

    public Uncertainty uncertainty() {
        return Uncertainty.fromKey(getString(UNCERTAINTY));
    }

    public double auditRate() {
        return getDouble(AUDIT_RATE);
    }

    public Duration undoWindow() {
        return Duration.ofSeconds(getInt(UNDO_SECONDS));
    }

    public QueueSettings queueSettings() {
        return new QueueSettings(
                uncertainty(),
                getDouble(AUDIT_SHARE),
                getInt(AUDIT_OVERLAP),
                Duration.ofSeconds(getInt(LEASE_SECONDS)),
                getInt(QUEUE_MAX_ITEMS));
    }

    public String httpHost() {
        return getString(HTTP_HOST);
    }

    public int httpPort() {
        return getInt(HTTP_PORT);
    }

    /** The TLS key store and its password, when the page serves HTTPS. */
    public Optional<Map.Entry<Path, String>> tlsKeyStore() {
        String path = getString(TLS_KEYSTORE_PATH).trim();
        return path.isEmpty()
                ? Optional.empty()
                : Optional.of(Map.entry(
                        Path.of(path), getPassword(TLS_KEYSTORE_PASSWORD).value()));
    }

    public int rateLimitPerMinute() {
        return getInt(RATE_LIMIT_PER_MINUTE);
    }

    public Path usersFile() {
        return Path.of(getString(USERS_FILE));
    }

    public String sessionSecret() {
        return getPassword(SESSION_SECRET).value();
    }

    public Duration sessionLifetime() {
        return Duration.ofHours(getInt(SESSION_HOURS));
    }

    public int loginMaxFailures() {
        return getInt(LOGIN_MAX_FAILURES);
    }

    /** Kafka client settings ({@code kafka.*} without the prefix). */
    public Map<String, Object> kafkaSettings() {
        return new HashMap<>(originalsWithPrefix(SharedKeys.KAFKA_PREFIX, true));
    }

    /** Settings of the Avro serdes: {@code registry.*} without the prefix, and the registry URL. */
    public Map<String, Object> serdeSettings() {
        Map<String, Object> settings = new HashMap<>(originalsWithPrefix(SharedKeys.REGISTRY_PREFIX, true));
        settings.remove("url");
        settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, getString(SharedKeys.REGISTRY_URL));
        return settings;
    }
}
