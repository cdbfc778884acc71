package io.streamtune.trainer.config;

import io.streamtune.model.base.BuiltInBase;
import io.streamtune.model.device.DeviceRequest;
import io.streamtune.runtime.config.ConfigSources;
import io.streamtune.runtime.config.KeyScheme;
import io.streamtune.runtime.config.RenamedKeys;
import io.streamtune.runtime.config.SharedKeys;
import io.streamtune.schemas.serde.AvroSerdeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Every setting of the trainer, typed and validated. Build it with {@link TrainerConfigLoader} (file, then
 * environment, then defaults) or directly from a map. Its own keys are under {@value #NAMESPACE}; the shared keys
 * ({@code kafka.*}, {@code registry.*}, {@code model.*}, {@code topic.*}) mean what they mean for every app. Any
 * other key is refused with a {@link ConfigException} naming it, so a typo stops start-up ({@link KeyScheme}).
 */
public final class TrainerConfig extends AbstractConfig {

    /** Keys under this prefix are Kafka client (and serde) settings, passed through with the prefix removed. */
    public static final String KAFKA_PREFIX = SharedKeys.KAFKA_PREFIX;

    /** Keys under this prefix are schema registry client settings, passed to the serdes with the prefix removed. */
    public static final String REGISTRY_PREFIX = SharedKeys.REGISTRY_PREFIX;

    /** The namespace of the trainer's own keys. */
    public static final String NAMESPACE = "trainer.";

    public static final String MODEL_NAME = SharedKeys.MODEL_NAME;
    public static final String MODEL_LABELS = SharedKeys.MODEL_LABELS;
    public static final String MODEL_STORE_ROOT = SharedKeys.MODEL_STORE_ROOT;
    public static final String MODEL_BASE = NAMESPACE + "model.base";
    public static final String MODEL_BASE_PATH = NAMESPACE + "model.base.path";
    public static final String SCHEMA_REGISTRY_URL = SharedKeys.REGISTRY_URL;
    public static final String APPLICATION_ID = NAMESPACE + "application.id";
    public static final String ROUND_TRIGGER_CORRECTIONS = NAMESPACE + "round.trigger.corrections";
    public static final String ROUND_TRIGGER_INTERVAL_MINUTES = NAMESPACE + "round.trigger.interval.minutes";
    public static final String ROUND_REPLAY_RATIO = NAMESPACE + "round.replay.ratio";
    public static final String ROUND_REPLAY_FILL = NAMESPACE + "round.replay.fill";
    public static final String ROUND_HOLDOUT_FRACTION = NAMESPACE + "round.holdout.fraction";
    public static final String ROUND_SEED = NAMESPACE + "round.seed";
    public static final String ROUND_RETRY_BACKOFF_MS = NAMESPACE + "round.retry.backoff.ms";
    public static final String GATE_METRIC = NAMESPACE + "gate.metric";
    public static final String GATE_MARGIN = NAMESPACE + "gate.margin";
    public static final String GATE_SEED_MARGIN = NAMESPACE + "gate.seed.margin";
    public static final String GATE_AUDIT_MARGIN = NAMESPACE + "gate.audit.margin";
    public static final String GATE_AUDIT_MIN_EXAMPLES = NAMESPACE + "gate.audit.min.examples";
    public static final String FEEDBACK_JOIN_MAX_WAIT_MS = NAMESPACE + "feedback.join.max.wait.ms";
    public static final String FEEDBACK_JOIN_CHECK_INTERVAL_MS = NAMESPACE + "feedback.join.check.interval.ms";
    public static final String FEEDBACK_TEXT_RETENTION_HOURS = NAMESPACE + "feedback.text.retention.hours";
    public static final String FEEDBACK_ANNOTATORS_ALLOWED = NAMESPACE + "feedback.annotators.allowed";
    public static final String FEEDBACK_ANNOTATOR_RATE_LIMIT = NAMESPACE + "feedback.annotator.rate.limit.per.minute";
    public static final String DEVICE = NAMESPACE + "device";
    public static final String DEVICE_REQUIRED = NAMESPACE + "device.required";
    public static final String TRAINING_EPOCHS = NAMESPACE + "training.epochs";
    public static final String TRAINING_BATCH_SIZE = NAMESPACE + "training.batch.size";
    public static final String TRAINING_LEARNING_RATE = NAMESPACE + "training.learning.rate";
    public static final String TRAINING_BOOTSTRAP_LEARNING_RATE = NAMESPACE + "training.bootstrap.learning.rate";
    public static final String TRAINING_PARENT_BLEND = NAMESPACE + "training.parent.blend";
    public static final String TRAINING_MAX_LENGTH = NAMESPACE + "training.max.length";
    public static final String TRAINING_MAX_WINDOWS = NAMESPACE + "training.max.windows";
    public static final String TRAINING_MIN_STEPS = NAMESPACE + "training.min.steps";
    public static final String TRAINING_CLASS_WEIGHTING = NAMESPACE + "training.class.weighting";
    public static final String TRAINING_LINEAR_PROBE = NAMESPACE + "training.linear.probe";
    public static final String MODEL_LABELS_OPEN = SharedKeys.MODEL_LABELS_OPEN;
    public static final String TRAINING_FROZEN_LAYERS = NAMESPACE + "training.frozen.layers";
    public static final String TRAINING_LEXICAL_WEIGHT = NAMESPACE + "training.lexical.weight";
    public static final String TRAINING_EARLY_STOPPING_FRACTION = NAMESPACE + "training.early.stopping.fraction";
    public static final String TRAINING_BOOTSTRAP_EARLY_STOPPING_FRACTION =
            NAMESPACE + "training.bootstrap.early.stopping.fraction";
    public static final String HTTP_HOST = NAMESPACE + "http.host";
    public static final String HTTP_PORT = NAMESPACE + "http.port";
    public static final String HTTP_ROUNDS_TOKEN = NAMESPACE + "http.rounds.token";
    public static final String TOPIC_LABEL_CORRECTIONS = SharedKeys.TOPIC_LABEL_CORRECTIONS;
    public static final String TOPIC_CLASSIFICATIONS = SharedKeys.TOPIC_CLASSIFICATIONS;
    public static final String TOPIC_TRAINING_SET = SharedKeys.TOPIC_TRAINING_SET;
    public static final String TOPIC_MODEL_VERSIONS = SharedKeys.TOPIC_MODEL_VERSIONS;
    public static final String TOPIC_DEAD_LETTERS = SharedKeys.TOPIC_LABEL_CORRECTIONS_DLQ;

    /** Metric names the gate can compare, as written by the evaluator. */
    public static final List<String> GATE_METRICS = List.of("accuracy", "macroF1");

    private static final ConfigDef DEFINITION = TrainerConfigDefinition.define();

    private static final KeyScheme SCHEME = KeyScheme.of("trainer", DEFINITION, renamedKeys());

    private final Map<String, Object> kafkaSettings;

    /**
     * Validates the settings.
     *
     * @throws ConfigException naming the first unknown key or invalid value
     */
    public TrainerConfig(Map<?, ?> settings) {
        this(SCHEME.resolve(settings));
    }

    /** Validates settings already resolved by {@link #keyScheme()} (as {@link ConfigSources#load} returns them). */
    TrainerConfig(KeyScheme.Resolved resolved) {
        super(DEFINITION, resolved.checked(DEFINITION), false);
        this.kafkaSettings = Map.copyOf(originalsWithPrefix(KAFKA_PREFIX, true));
    }

    /**
     * The keys of the release before the one configuration language: serde settings went under {@code kafka.*}, the
     * registry URL and the dead-letter topic had other names, and the trainer's own keys had no namespace.
     */
    private static RenamedKeys renamedKeys() {
        Set<String> serdeKeys = AvroSerdeConfig.definition().names();
        return RenamedKeys.builder()
                .key("schema.registry.url", SCHEMA_REGISTRY_URL)
                .key(KAFKA_PREFIX + AvroSerdeConfig.SCHEMA_REGISTRY_URL, SCHEMA_REGISTRY_URL)
                .key("topic.dead.letters", TOPIC_DEAD_LETTERS)
                .prefix(KAFKA_PREFIX, REGISTRY_PREFIX, serdeKeys::contains)
                .build();
    }

    /** How this app reads the shared configuration language. */
    public static KeyScheme keyScheme() {
        return SCHEME;
    }

    /** The definition of every key, e.g. to print the reference with {@code toRst()}. */
    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    public String modelName() {
        return getString(MODEL_NAME);
    }

    public List<String> labels() {
        return getList(MODEL_LABELS).stream().map(String::trim).toList();
    }

    public Path storeRoot() {
        return Path.of(getString(MODEL_STORE_ROOT));
    }

    /** The built-in base the first version is fine-tuned from when {@link #baseModelPath()} is empty. */
    public BuiltInBase builtInBase() {
        return BuiltInBase.fromKey(getString(MODEL_BASE));
    }

    /** The checkpoint folder the first version is fine-tuned from; empty for the built-in base. */
    public Optional<Path> baseModelPath() {
        String folder = getString(MODEL_BASE_PATH).trim();
        return folder.isEmpty() ? Optional.empty() : Optional.of(Path.of(folder));
    }

    public String schemaRegistryUrl() {
        return getString(SCHEMA_REGISTRY_URL);
    }

    public String applicationId() {
        String id = getString(APPLICATION_ID);
        return id.isBlank() ? "streamtune-trainer-" + modelName() : id;
    }

    /** The transactional id of the version publisher: one per model, so a second trainer fences the first. */
    public String transactionalId() {
        return "streamtune-trainer-publisher-" + modelName();
    }

    public int roundTriggerCorrections() {
        return getInt(ROUND_TRIGGER_CORRECTIONS);
    }

    public Duration roundTriggerInterval() {
        return Duration.ofMinutes(getLong(ROUND_TRIGGER_INTERVAL_MINUTES));
    }

    public double replayRatio() {
        return getDouble(ROUND_REPLAY_RATIO);
    }

    public int replayFill() {
        return getInt(ROUND_REPLAY_FILL);
    }

    public double holdoutFraction() {
        return getDouble(ROUND_HOLDOUT_FRACTION);
    }

    public long seed() {
        return getLong(ROUND_SEED);
    }

    public Duration roundRetryBackoff() {
        return Duration.ofMillis(getLong(ROUND_RETRY_BACKOFF_MS));
    }

    public String gateMetric() {
        return getString(GATE_METRIC);
    }

    public double gateMargin() {
        return getDouble(GATE_MARGIN);
    }

    public double gateSeedMargin() {
        return getDouble(GATE_SEED_MARGIN);
    }

    public double gateAuditMargin() {
        return getDouble(GATE_AUDIT_MARGIN);
    }

    public int gateAuditMinExamples() {
        return getInt(GATE_AUDIT_MIN_EXAMPLES);
    }

    public Duration joinMaxWait() {
        return Duration.ofMillis(getLong(FEEDBACK_JOIN_MAX_WAIT_MS));
    }

    public Duration joinCheckInterval() {
        return Duration.ofMillis(getLong(FEEDBACK_JOIN_CHECK_INTERVAL_MS));
    }

    public Duration textRetention() {
        return Duration.ofHours(getLong(FEEDBACK_TEXT_RETENTION_HOURS));
    }

    /** Annotators accepted; empty means everyone. */
    public Set<String> allowedAnnotators() {
        return Set.copyOf(getList(FEEDBACK_ANNOTATORS_ALLOWED));
    }

    /** Corrections per annotator per minute; 0 means unlimited. */
    public int annotatorRateLimitPerMinute() {
        return getInt(FEEDBACK_ANNOTATOR_RATE_LIMIT);
    }

    public int epochs() {
        return getInt(TRAINING_EPOCHS);
    }

    public int batchSize() {
        return getInt(TRAINING_BATCH_SIZE);
    }

    public double learningRate() {
        return getDouble(TRAINING_LEARNING_RATE);
    }

    public int maxLength() {
        return getInt(TRAINING_MAX_LENGTH);
    }

    public int maxWindows() {
        return getInt(TRAINING_MAX_WINDOWS);
    }

    /** The device asked for; {@code DjlModelTuner} chooses the one used from it at start-up. */
    public DeviceRequest device() {
        return DeviceRequest.parse(getString(DEVICE));
    }

    /** Whether a GPU asked for must exist (start-up is refused without it) rather than fall back to the CPU. */
    public boolean deviceRequired() {
        return getBoolean(DEVICE_REQUIRED);
    }

    public int minSteps() {
        return getInt(TRAINING_MIN_STEPS);
    }

    /** The class weighting, upper case: NONE, BALANCED or SQRT. */
    public String classWeighting() {
        return getString(TRAINING_CLASS_WEIGHTING).toUpperCase(Locale.ROOT);
    }

    public int frozenLayers() {
        return getInt(TRAINING_FROZEN_LAYERS);
    }

    public boolean openLabels() {
        return getBoolean(MODEL_LABELS_OPEN);
    }

    public boolean linearProbe() {
        return getBoolean(TRAINING_LINEAR_PROBE);
    }

    public double lexicalWeight() {
        return getDouble(TRAINING_LEXICAL_WEIGHT);
    }

    public double earlyStoppingFraction() {
        return getDouble(TRAINING_EARLY_STOPPING_FRACTION);
    }

    public double parentBlend() {
        return getDouble(TRAINING_PARENT_BLEND);
    }

    public double bootstrapLearningRate() {
        return getDouble(TRAINING_BOOTSTRAP_LEARNING_RATE);
    }

    public double bootstrapEarlyStoppingFraction() {
        return getDouble(TRAINING_BOOTSTRAP_EARLY_STOPPING_FRACTION);
    }

    public String httpHost() {
        return getString(HTTP_HOST);
    }

    /** The bearer token POST /rounds requires, if one is set. */
    public Optional<String> roundsToken() {
        return Optional.ofNullable(getPassword(HTTP_ROUNDS_TOKEN))
                .map(password -> password.value())
                .filter(token -> !token.isBlank());
    }

    /** The control server port; -1 when disabled. */
    public int httpPort() {
        return getInt(HTTP_PORT);
    }

    /** The topics read and written. */
    public TrainerTopics topics() {
        return new TrainerTopics(
                getString(TOPIC_LABEL_CORRECTIONS),
                getString(TOPIC_CLASSIFICATIONS),
                getString(TOPIC_TRAINING_SET),
                getString(TOPIC_MODEL_VERSIONS),
                getString(TOPIC_DEAD_LETTERS));
    }

    /** Kafka client settings ({@code kafka.*} without the prefix), unchanged. */
    public Map<String, Object> kafkaSettings() {
        return kafkaSettings;
    }

    /** Settings for the Avro serdes: every {@code registry.*} key without the prefix, and the registry URL. */
    public Map<String, Object> serdeSettings() {
        Map<String, Object> settings = new HashMap<>(originalsWithPrefix(REGISTRY_PREFIX, true));
        settings.remove(SCHEMA_REGISTRY_URL.substring(REGISTRY_PREFIX.length()));
        settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl());
        return Map.copyOf(settings);
    }
}
