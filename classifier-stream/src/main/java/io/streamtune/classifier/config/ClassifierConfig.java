package io.streamtune.classifier.config;

import io.streamtune.model.tokenize.TextWindows;
import io.streamtune.model.tokenize.TokenizerConfig;
import io.streamtune.schemas.Topics;
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
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Every setting of the classifier, typed and validated; an invalid value throws {@link ConfigException} naming the
 * key. Kafka Streams and client settings are given with the {@value #KAFKA_PREFIX} prefix and reach Kafka untouched
 * (SASL, TLS, {@code num.stream.threads}, ...); schema registry client settings ({@link AvroSerdeConfig} keys) are
 * given with the {@value #REGISTRY_PREFIX} prefix.
 */
public final class ClassifierConfig extends AbstractConfig {

    public static final String KAFKA_PREFIX = "kafka.";
    /** The consumer session timeout unless {@code kafka.consumer.session.timeout.ms} sets another. */
    static final int SESSION_TIMEOUT_MS = 10_000;

    static final int HEARTBEAT_INTERVAL_MS = 3_000;

    public static final String REGISTRY_PREFIX = "registry.";

    public static final String APPLICATION_ID = "application.id";
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String INPUT_TOPIC = "input.topic";
    public static final String OUTPUT_TOPIC = "output.topic";
    public static final String DLQ_TOPIC = "dlq.topic";
    public static final String MODEL_VERSIONS_TOPIC = "model.versions.topic";
    public static final String MODEL_NAME = "model.name";
    public static final String MODEL_VERSION_PINNED = "model.version.pinned";
    public static final String MODEL_STORE_ROOT = "model.store.root";
    public static final String DEVICE = "device";
    public static final String MODEL_MAX_LENGTH = "model.max.length";
    public static final String MODEL_MAX_WINDOWS = "model.max.windows";
    public static final String MODEL_WINDOW_POOLING = "model.window.pooling";
    public static final String BATCH_MAX_RECORDS = "batch.max.records";
    public static final String BATCH_MAX_WAIT_MS = "batch.max.wait.ms";
    public static final String TEXT_MAX_BYTES = "text.max.bytes";
    public static final String INSTANCE_ID = "instance.id";
    public static final String RELOAD_STAGGER_MS = "reload.stagger.ms";
    public static final String RELOAD_RETRY_BACKOFF_MS = "reload.retry.backoff.ms";
    public static final String RELOAD_RETRY_BACKOFF_MAX_MS = "reload.retry.backoff.max.ms";
    public static final String HTTP_PORT = "http.port";

    private static final ConfigDef DEFINITION = MemoryKeys.define(new ConfigDef())
            .define(
                    APPLICATION_ID,
                    Type.STRING,
                    "streamtune-classifier",
                    nonEmpty(),
                    Importance.HIGH,
                    "Kafka Streams application id: the consumer group and the prefix of internal topics. Every"
                            + " instance of one deployment uses the same id.")
            .define(
                    BOOTSTRAP_SERVERS,
                    Type.STRING,
                    ConfigDef.NO_DEFAULT_VALUE,
                    new ConfigDef.NonEmptyString(),
                    Importance.HIGH,
                    "Kafka bootstrap servers, host:port, comma-separated.")
            .define(
                    SCHEMA_REGISTRY_URL,
                    Type.STRING,
                    ConfigDef.NO_DEFAULT_VALUE,
                    new ConfigValidators.HttpUrl(),
                    Importance.HIGH,
                    "Base URL of the Confluent-compatible schema registry.")
            .define(
                    INPUT_TOPIC,
                    Type.STRING,
                    Topics.TEXT_EVENTS,
                    nonEmpty(),
                    Importance.MEDIUM,
                    "Topic of TextEvent records to classify.")
            .define(
                    OUTPUT_TOPIC,
                    Type.STRING,
                    Topics.CLASSIFICATIONS,
                    nonEmpty(),
                    Importance.MEDIUM,
                    "Topic the Classification records are written to.")
            .define(
                    DLQ_TOPIC,
                    Type.STRING,
                    Topics.TEXT_EVENTS_DLQ,
                    nonEmpty(),
                    Importance.MEDIUM,
                    "Dead-letter topic: original bytes of records that could not be read or classified, with"
                            + " the reason in headers.")
            .define(
                    MODEL_VERSIONS_TOPIC,
                    Type.STRING,
                    Topics.MODEL_VERSIONS,
                    nonEmpty(),
                    Importance.MEDIUM,
                    "Compacted topic of ModelVersion records that is watched for promoted versions.")
            .define(
                    MODEL_NAME,
                    Type.STRING,
                    ConfigDef.NO_DEFAULT_VALUE,
                    nonEmpty(),
                    Importance.HIGH,
                    "Name of the model family this classifier serves.")
            .define(
                    MODEL_VERSION_PINNED,
                    Type.LONG,
                    null,
                    ConfigDef.LambdaValidator.with(
                            (name, value) -> {
                                if (value != null && (Long) value < 1) {
                                    throw new ConfigException(name, value, "must be at least 1 when set");
                                }
                            },
                            () -> "[1,...] or unset"),
                    Importance.MEDIUM,
                    "Serve exactly this version and ignore promotions; unset to follow the promoted version.")
            .define(
                    MODEL_STORE_ROOT,
                    Type.STRING,
                    ConfigDef.NO_DEFAULT_VALUE,
                    nonEmpty(),
                    Importance.HIGH,
                    "Root folder of the model store (one folder per model name and version).")
            .define(
                    DEVICE,
                    Type.STRING,
                    "cpu",
                    new ConfigValidators.DeviceName(),
                    Importance.MEDIUM,
                    "Inference device: cpu or gpu:N.")
            .define(
                    MODEL_MAX_LENGTH,
                    Type.INT,
                    128,
                    Range.between(3, 512),
                    Importance.MEDIUM,
                    "Longest token sequence given to the model at once (one window), special tokens included.")
            .define(
                    MODEL_MAX_WINDOWS,
                    Type.INT,
                    TokenizerConfig.DEFAULT_MAX_WINDOWS,
                    Range.between(1, 64),
                    Importance.MEDIUM,
                    "A text longer than model.max.length is cut into overlapping windows of that length, scored in"
                            + " one batch and pooled; at most this many (a longer text keeps its first windows and"
                            + " its last one and is flagged truncated). 1 keeps only the head and tail of a long"
                            + " text.")
            .define(
                    MODEL_WINDOW_POOLING,
                    Type.STRING,
                    "mean",
                    ValidString.in("mean", "max"),
                    Importance.LOW,
                    "How the logits of a long text's windows are pooled: mean (every part has a say) or max (the"
                            + " most telling window decides).")
            .define(
                    BATCH_MAX_RECORDS,
                    Type.INT,
                    32,
                    Range.between(1, 4096),
                    Importance.MEDIUM,
                    "A batch is classified as soon as it holds this many records.")
            .define(
                    BATCH_MAX_WAIT_MS,
                    Type.LONG,
                    50L,
                    Range.between(1, 60_000),
                    Importance.MEDIUM,
                    "A batch is classified at the latest this many wall-clock milliseconds after the previous"
                            + " flush, however few records it holds.")
            .define(
                    TEXT_MAX_BYTES,
                    Type.INT,
                    1_048_576,
                    Range.between(1, 16 * 1024 * 1024),
                    Importance.MEDIUM,
                    "Hard size limit of a text in UTF-8 bytes; longer texts are dead-lettered, not classified. 1 MiB,"
                            + " Kafka's default message size: windows let any text be classified (what lies beyond"
                            + " model.max.windows is skipped, not the text), so the limit only guards memory.")
            .define(
                    INSTANCE_ID,
                    Type.STRING,
                    defaultInstanceId(),
                    nonEmpty(),
                    Importance.MEDIUM,
                    "Name of this instance in logs, metrics and the status endpoint; defaults to the host name.")
            .define(
                    RELOAD_STAGGER_MS,
                    Type.LONG,
                    0L,
                    Range.between(0, 3_600_000),
                    Importance.MEDIUM,
                    "Rolling reload: an instance of rank r (its place among the live instances) waits r times"
                            + " this before swapping in a newly promoted version.")
            .define(
                    RELOAD_RETRY_BACKOFF_MS,
                    Type.LONG,
                    1_000L,
                    Range.between(1, 3_600_000),
                    Importance.LOW,
                    "When the model store cannot be read (not mounted, file server down, I/O error) the announced"
                            + " version is refused for now and tried again this long after the first failed"
                            + " attempt, doubling after each further one. Verification failures are never retried.")
            .define(
                    RELOAD_RETRY_BACKOFF_MAX_MS,
                    Type.LONG,
                    30_000L,
                    Range.between(1, 3_600_000),
                    Importance.LOW,
                    "The longest wait between two attempts to load a version while the model store cannot be"
                            + " read; at least " + RELOAD_RETRY_BACKOFF_MS + ".")
            .define(
                    HTTP_PORT,
                    Type.INT,
                    8080,
                    Range.between(0, 65_535),
                    Importance.MEDIUM,
                    "Port of the health and metrics HTTP server; 0 picks a free port.");

    public ClassifierConfig(Map<?, ?> originals) {
        super(DEFINITION, originals, false);
        if (reloadRetryBackoffMax().compareTo(reloadRetryBackoff()) < 0) {
            throw new ConfigException(
                    RELOAD_RETRY_BACKOFF_MAX_MS,
                    getLong(RELOAD_RETRY_BACKOFF_MAX_MS),
                    "must be at least " + RELOAD_RETRY_BACKOFF_MS + " (" + getLong(RELOAD_RETRY_BACKOFF_MS) + ")");
        }
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

    public Device device() {
        return Device.parse(getString(DEVICE));
    }

    public int modelMaxLength() {
        return getInt(MODEL_MAX_LENGTH);
    }

    public int modelMaxWindows() {
        return getInt(MODEL_MAX_WINDOWS);
    }

    public TextWindows.Pooling modelWindowPooling() {
        return TextWindows.Pooling.valueOf(getString(MODEL_WINDOW_POOLING).toUpperCase(Locale.ROOT));
    }

    public int batchMaxRecords() {
        return getInt(BATCH_MAX_RECORDS);
    }

    public long batchMaxWaitMs() {
        return getLong(BATCH_MAX_WAIT_MS);
    }

    public int textMaxBytes() {
        return getInt(TEXT_MAX_BYTES);
    }

    public String instanceId() {
        return getString(INSTANCE_ID);
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

    private static ConfigDef.Validator nonEmpty() {
        return new ConfigDef.NonEmptyString();
    }

    private static String defaultInstanceId() {
        return Optional.ofNullable(System.getenv("HOSTNAME"))
                .filter(name -> !name.isBlank())
                .orElse("classifier-" + ProcessHandle.current().pid());
    }
}
