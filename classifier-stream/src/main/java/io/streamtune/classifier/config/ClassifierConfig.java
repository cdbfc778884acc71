package io.streamtune.classifier.config;

import io.streamtune.runtime.config.ConfigSources;
import io.streamtune.runtime.config.KeyScheme;
import io.streamtune.runtime.config.RenamedKeys;
import io.streamtune.runtime.config.SharedKeys;
import io.streamtune.schemas.serde.AvroSerdeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Every setting of the classifier, typed and validated; an invalid value throws {@link ConfigException} naming the
 * key. Kafka Streams and client settings are given with the {@value #KAFKA_PREFIX} prefix and reach Kafka untouched
 * (SASL, TLS, {@code num.stream.threads}, ...); schema registry client settings ({@link AvroSerdeConfig} keys) are
 * given with the {@value #REGISTRY_PREFIX} prefix.
 */
public final class ClassifierConfig extends AbstractConfig {

    public static final String KAFKA_PREFIX = SharedKeys.KAFKA_PREFIX;
    /** The consumer session timeout unless {@code kafka.consumer.session.timeout.ms} sets another. */
    static final int SESSION_TIMEOUT_MS = 10_000;

    static final int HEARTBEAT_INTERVAL_MS = 3_000;

    public static final String REGISTRY_PREFIX = SharedKeys.REGISTRY_PREFIX;

    /** The namespace of the classifier's own keys. */
    public static final String NAMESPACE = "classifier.";

    public static final String APPLICATION_ID = NAMESPACE + "application.id";
    public static final String BOOTSTRAP_SERVERS = SharedKeys.KAFKA_BOOTSTRAP_SERVERS;
    public static final String SCHEMA_REGISTRY_URL = SharedKeys.REGISTRY_URL;
    public static final String INPUT_TOPIC = SharedKeys.TOPIC_TEXT_EVENTS;
    public static final String OUTPUT_TOPIC = SharedKeys.TOPIC_CLASSIFICATIONS;
    public static final String DLQ_TOPIC = SharedKeys.TOPIC_TEXT_EVENTS_DLQ;
    public static final String MODEL_VERSIONS_TOPIC = SharedKeys.TOPIC_MODEL_VERSIONS;
    public static final String MODEL_NAME = SharedKeys.MODEL_NAME;
    public static final String MODEL_VERSION_PINNED = SharedKeys.MODEL_VERSION_PINNED;
    public static final String MODEL_STORE_ROOT = SharedKeys.MODEL_STORE_ROOT;
    public static final String DEVICE = NAMESPACE + "device";
    public static final String DEVICE_REQUIRED = NAMESPACE + "device.required";
    public static final String MODEL_MAX_LENGTH = NAMESPACE + "model.max.length";
    public static final String MODEL_MAX_WINDOWS = NAMESPACE + "model.max.windows";
    public static final String MODEL_WINDOW_POOLING = NAMESPACE + "model.window.pooling";
    public static final String BATCH_MAX_RECORDS = NAMESPACE + "batch.max.records";
    public static final String BATCH_MAX_WAIT_MS = NAMESPACE + "batch.max.wait.ms";
    public static final String BATCH_SHARED = NAMESPACE + "batch.shared";
    public static final String TEXT_MAX_BYTES = NAMESPACE + "text.max.bytes";
    public static final String INSTANCE_ID = NAMESPACE + "instance.id";
    public static final String RELOAD_STAGGER_MS = NAMESPACE + "reload.stagger.ms";
    public static final String RELOAD_RETRY_BACKOFF_MS = NAMESPACE + "reload.retry.backoff.ms";
    public static final String RELOAD_RETRY_BACKOFF_MAX_MS = NAMESPACE + "reload.retry.backoff.max.ms";
    public static final String HTTP_PORT = NAMESPACE + "http.port";

    private static final ConfigDef DEFINITION = ClassifierConfigDefinition.define();

    private static final KeyScheme SCHEME = KeyScheme.of("classifier", DEFINITION, renamedKeys());

    /**
     * Validates the settings; keys of earlier releases are renamed with a warning.
     *
     * @throws ConfigException naming the first unknown key or invalid value
     */
    public ClassifierConfig(Map<?, ?> originals) {
        this(SCHEME.resolve(originals));
    }

    /** Validates settings already resolved by {@link #keyScheme()} (as {@link ConfigSources#load} returns them). */
    ClassifierConfig(KeyScheme.Resolved resolved) {
        super(DEFINITION, resolved.checked(DEFINITION), false);
        if (reloadRetryBackoffMax().compareTo(reloadRetryBackoff()) < 0) {
            throw resolved.explained(new ConfigException(
                    RELOAD_RETRY_BACKOFF_MAX_MS,
                    getLong(RELOAD_RETRY_BACKOFF_MAX_MS),
                    "must be at least " + RELOAD_RETRY_BACKOFF_MS + " (" + getLong(RELOAD_RETRY_BACKOFF_MS) + ")"));
        }
    }

    /** The keys of the release before the one configuration language, and the keys that replace them. */
    private static RenamedKeys renamedKeys() {
        return RenamedKeys.builder()
                .key("bootstrap.servers", BOOTSTRAP_SERVERS)
                .key("schema.registry.url", SCHEMA_REGISTRY_URL)
                .key("input.topic", INPUT_TOPIC)
                .key("output.topic", OUTPUT_TOPIC)
                .key("dlq.topic", DLQ_TOPIC)
                .key("model.versions.topic", MODEL_VERSIONS_TOPIC)
                .key("training.set.topic", SharedKeys.TOPIC_TRAINING_SET)
                .build();
    }

    /** How this app reads the shared configuration language. */
    public static KeyScheme keyScheme() {
        return SCHEME;
    }

    /** The definition of every key, for documentation ({@code toHtml()}, {@code toRst()}). */
    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    public String applicationId() {
        return getString(APPLICATION_ID);
    }

    public String inputTopic() {
        return getString(INPUT_TOPIC);
    }

    public String outputTopic() {
        return getString(OUTPUT_TOPIC);
    }

    public String deadLetterTopic() {
        return getString(DLQ_TOPIC);
    }

    public String modelVersionsTopic() {
        return getString(MODEL_VERSIONS_TOPIC);
    }

    public String modelName() {
        return getString(MODEL_NAME);
    }

    public OptionalLong pinnedVersion() {
        Long pinned = getLong(MODEL_VERSION_PINNED);
        return pinned == null ? OptionalLong.empty() : OptionalLong.of(pinned);
    }

    public Path modelStoreRoot() {
        return Path.of(getString(MODEL_STORE_ROOT));
    }

    /** The device asked for; {@code EngineModelLoader} chooses the one used from it at start-up. */
    public Device device() {
        return Device.parse(getString(DEVICE));
    }

    /** Whether a GPU asked for must exist (start-up is refused without it) rather than fall back to the CPU. */
    public boolean deviceRequired() {
        return getBoolean(DEVICE_REQUIRED);
    }

    public int modelMaxLength() {
        return getInt(MODEL_MAX_LENGTH);
    }

    public int modelMaxWindows() {
        return getInt(MODEL_MAX_WINDOWS);
    }

    /** The pooling of window logits, upper case: MEAN or MAX. */
    public String modelWindowPooling() {
        return getString(MODEL_WINDOW_POOLING).toUpperCase(Locale.ROOT);
    }

    public int batchMaxRecords() {
        return getInt(BATCH_MAX_RECORDS);
    }

    public long batchMaxWaitMs() {
        return getLong(BATCH_MAX_WAIT_MS);
    }

    /** Whether every caller of the model (stream threads, HTTP) shares forward passes. */
    public boolean batchShared() {
        return getBoolean(BATCH_SHARED);
    }

    public int textMaxBytes() {
        return getInt(TEXT_MAX_BYTES);
    }

    /** The configured name of this instance, else the host name, else {@code classifier-<pid>}. */
    public String instanceId() {
        return Optional.ofNullable(getString(INSTANCE_ID))
                .or(() -> Optional.ofNullable(System.getenv("HOSTNAME")).filter(name -> !name.isBlank()))
                .orElse("classifier-" + ProcessHandle.current().pid());
    }

    public long reloadStaggerMs() {
        return getLong(RELOAD_STAGGER_MS);
    }

    /** The wait before the first retry of a version the model store could not be read for. */
    public Duration reloadRetryBackoff() {
        return Duration.ofMillis(getLong(RELOAD_RETRY_BACKOFF_MS));
    }

    /** The longest wait between two retries of a version the model store could not be read for. */
    public Duration reloadRetryBackoffMax() {
        return Duration.ofMillis(getLong(RELOAD_RETRY_BACKOFF_MAX_MS));
    }

    public int httpPort() {
        return getInt(HTTP_PORT);
    }

    public boolean inferenceHttpEnabled() {
        return getBoolean(InferenceHttpKeys.ENABLED);
    }

    /** The bearer token inference requests must carry, if one is set. */
    public Optional<String> inferenceHttpToken() {
        return Optional.ofNullable(getPassword(InferenceHttpKeys.TOKEN))
                .map(password -> password.value())
                .filter(token -> !token.isEmpty());
    }

    public int inferenceHttpMaxTexts() {
        return getInt(InferenceHttpKeys.MAX_TEXTS);
    }

    public int inferenceHttpThreads() {
        return getInt(InferenceHttpKeys.THREADS);
    }

    public boolean memoryEnabled() {
        return getBoolean(MemoryKeys.MEMORY_ENABLED);
    }

    public double memorySimilarityThreshold() {
        return getDouble(MemoryKeys.MEMORY_SIMILARITY_THRESHOLD);
    }

    public int memoryMaxEntries() {
        return getInt(MemoryKeys.MEMORY_MAX_ENTRIES);
    }

    public String trainingSetTopic() {
        return getString(MemoryKeys.TRAINING_SET_TOPIC);
    }

    /** The serde settings: the registry URL plus every {@value #REGISTRY_PREFIX} key without its prefix. */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> serde = new HashMap<>(originalsWithPrefix(REGISTRY_PREFIX));
        serde.remove(SCHEMA_REGISTRY_URL.substring(REGISTRY_PREFIX.length()));
        serde.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, getString(SCHEMA_REGISTRY_URL));
        return serde;
    }

    /**
     * The Kafka Streams settings: exactly-once v2, this app's identity and a consumer session timeout of {@value
     * #SESSION_TIMEOUT_MS} ms, then every {@value #KAFKA_PREFIX} key without its prefix, so a pass-through value wins
     * over the defaults here. The session timeout is how long the partitions of a killed instance, or of a stream
     * thread that failed and was replaced, wait before another member takes them (Kafka's default is 45 s).
     */
    public Map<String, Object> streamsConfig() {
        Map<String, Object> streams = new HashMap<>();
        streams.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId());
        streams.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, getString(BOOTSTRAP_SERVERS));
        streams.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        streams.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), SESSION_TIMEOUT_MS);
        streams.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), HEARTBEAT_INTERVAL_MS);
        streams.putAll(kafkaClientConfig());
        return streams;
    }

    /** Plain client settings (for the model-versions consumer): bootstrap servers plus the pass-through keys. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> client = new HashMap<>();
        client.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, getString(BOOTSTRAP_SERVERS));
        client.putAll(kafkaClientConfig());
        return client;
    }

    private Map<String, Object> kafkaClientConfig() {
        return originalsWithPrefix(KAFKA_PREFIX);
    }
}
