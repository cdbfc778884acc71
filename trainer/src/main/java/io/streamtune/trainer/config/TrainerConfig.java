package io.streamtune.trainer.config;

import io.streamtune.model.base.BuiltInBase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
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
 * environment, then defaults) or directly from a map. Any key that is neither defined here nor starts with
 * {@value #KAFKA_PREFIX} is refused with a {@link ConfigException} naming it, so a typo stops start-up.
 */
public final class TrainerConfig extends AbstractConfig {

    /** Keys under this prefix are Kafka client (and serde) settings, passed through with the prefix removed. */
    public static final String KAFKA_PREFIX = "kafka.";

    public static final String MODEL_NAME = "model.name";
    public static final String MODEL_LABELS = "model.labels";
    public static final String MODEL_STORE_ROOT = "model.store.root";
    public static final String MODEL_BASE = "model.base";
    public static final String MODEL_BASE_PATH = "model.base.path";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String APPLICATION_ID = "application.id";
    public static final String ROUND_TRIGGER_CORRECTIONS = "round.trigger.corrections";
    public static final String ROUND_TRIGGER_INTERVAL_MINUTES = "round.trigger.interval.minutes";
    public static final String ROUND_REPLAY_RATIO = "round.replay.ratio";
    public static final String ROUND_HOLDOUT_FRACTION = "round.holdout.fraction";
    public static final String ROUND_SEED = "round.seed";
    public static final String ROUND_RETRY_BACKOFF_MS = "round.retry.backoff.ms";
    public static final String GATE_METRIC = "gate.metric";
    public static final String GATE_MARGIN = "gate.margin";
    public static final String GATE_SEED_MARGIN = "gate.seed.margin";
    public static final String FEEDBACK_JOIN_MAX_WAIT_MS = "feedback.join.max.wait.ms";
    public static final String FEEDBACK_JOIN_CHECK_INTERVAL_MS = "feedback.join.check.interval.ms";
    public static final String FEEDBACK_TEXT_RETENTION_HOURS = "feedback.text.retention.hours";
    public static final String FEEDBACK_ANNOTATORS_ALLOWED = "feedback.annotators.allowed";
    public static final String FEEDBACK_ANNOTATOR_RATE_LIMIT = "feedback.annotator.rate.limit.per.minute";
    public static final String TRAINING_EPOCHS = "training.epochs";
    public static final String TRAINING_BATCH_SIZE = "training.batch.size";
    public static final String TRAINING_LEARNING_RATE = "training.learning.rate";
    public static final String TRAINING_MAX_LENGTH = "training.max.length";
    public static final String TRAINING_MAX_WINDOWS = "training.max.windows";
    public static final String TRAINING_MIN_STEPS = "training.min.steps";
    public static final String TRAINING_CLASS_WEIGHTING = "training.class.weighting";
    public static final String TRAINING_LINEAR_PROBE = "training.linear.probe";
    public static final String MODEL_LABELS_OPEN = "model.labels.open";
    public static final String TRAINING_FROZEN_LAYERS = "training.frozen.layers";
    public static final String TRAINING_LEXICAL_WEIGHT = "training.lexical.weight";
    public static final String TRAINING_EARLY_STOPPING_FRACTION = "training.early.stopping.fraction";
    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";
    public static final String HTTP_ROUNDS_TOKEN = "http.rounds.token";
    public static final String TOPIC_LABEL_CORRECTIONS = "topic.label.corrections";
    public static final String TOPIC_CLASSIFICATIONS = "topic.classifications";
    public static final String TOPIC_TRAINING_SET = "topic.training.set";
    public static final String TOPIC_MODEL_VERSIONS = "topic.model.versions";
    public static final String TOPIC_DEAD_LETTERS = "topic.dead.letters";

    /** Metric names the gate can compare, as written by the evaluator. */
    public static final List<String> GATE_METRICS = List.of("accuracy", "macroF1");

    private static final ConfigDef DEFINITION = TrainerConfigDefinition.define();

    private final Map<String, Object> kafkaSettings;

    /**
     * Validates the settings.
     *
     * @throws ConfigException naming the first unknown key or invalid value
     */
    public TrainerConfig(Map<?, ?> settings) {
        super(DEFINITION, refuseUnknownKeys(settings), false);
        this.kafkaSettings = Map.copyOf(originalsWithPrefix(KAFKA_PREFIX, true));
        validateCrossKeyRules();
    }

    /** The definition of every key, e.g. to print the reference with {@code toRst()}. */
    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    private static Map<?, ?> refuseUnknownKeys(Map<?, ?> settings) {
        Set<String> known = new HashSet<>(DEFINITION.names());
        for (Object key : settings.keySet()) {
            String name = String.valueOf(key);
            if (!known.contains(name) && !name.startsWith(KAFKA_PREFIX)) {
                throw new ConfigException(
                        name, "[unknown key]", "not a trainer setting (Kafka settings go under " + KAFKA_PREFIX + "*)");
            }
        }
        return settings;
    }

    private void validateCrossKeyRules() {
        if (!kafkaSettings.containsKey("bootstrap.servers")) {
            throw new ConfigException(KAFKA_PREFIX + "bootstrap.servers", null, "required");
        }
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

    /** Settings for the Avro serdes: the Kafka settings plus the registry URL. */
    public Map<String, Object> serdeSettings() {
        Map<String, Object> settings = new HashMap<>(kafkaSettings);
        settings.put("schema.registry.url", schemaRegistryUrl());
        return Map.copyOf(settings);
    }
}
