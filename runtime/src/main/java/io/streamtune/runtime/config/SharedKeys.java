package io.streamtune.runtime.config;

import io.streamtune.schemas.Topics;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The keys every app means the same by: the cluster ({@value #KAFKA_PREFIX}*), the registry
 * ({@value #REGISTRY_PREFIX}*), the model and the topics. Defined once here; each app adds the ones it reads with
 * {@link #define}, and accepts (and ignores) the rest, so one file configures every app.
 */
public final class SharedKeys {

    /** Kafka client (and Kafka Streams) settings, passed to Kafka with the prefix removed. */
    public static final String KAFKA_PREFIX = "kafka.";
    /** Schema registry client settings, passed to the Avro serdes with the prefix removed. */
    public static final String REGISTRY_PREFIX = "registry.";

    public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    public static final String REGISTRY_URL = "registry.url";
    public static final String MODEL_NAME = "model.name";
    public static final String MODEL_STORE_ROOT = "model.store.root";
    public static final String MODEL_LABELS = "model.labels";
    public static final String MODEL_LABELS_OPEN = "model.labels.open";
    public static final String MODEL_VERSION_PINNED = "model.version.pinned";
    public static final String TOPIC_TEXT_EVENTS = "topic.text.events";
    public static final String TOPIC_CLASSIFICATIONS = "topic.classifications";
    public static final String TOPIC_TEXT_EVENTS_DLQ = "topic.text.events.dlq";
    public static final String TOPIC_LABEL_CORRECTIONS = "topic.label.corrections";
    public static final String TOPIC_LABEL_CORRECTIONS_DLQ = "topic.label.corrections.dlq";
    public static final String TOPIC_TRAINING_SET = "topic.training.set";
    public static final String TOPIC_MODEL_VERSIONS = "topic.model.versions";

    private static final Map<String, Definer> DEFINITIONS = definitions();

    private SharedKeys() {}

    /** Every shared key that is not a pass-through prefix. */
    public static Set<String> names() {
        return DEFINITIONS.keySet();
    }

    /** Whether a key is shared: one of {@link #names()} or under a pass-through prefix. */
    public static boolean isShared(String key) {
        return DEFINITIONS.containsKey(key) || key.startsWith(KAFKA_PREFIX) || key.startsWith(REGISTRY_PREFIX);
    }

    /**
     * Adds the definitions of the named shared keys to an app's definition.
     *
     * @throws IllegalArgumentException for a key that is not shared
     */
    public static ConfigDef define(ConfigDef definition, String... keys) {
        for (String key : keys) {
            Definer definer = DEFINITIONS.get(key);
            if (definer == null) {
                throw new IllegalArgumentException("not a shared key: " + key);
            }
            definer.define(definition);
        }
        return definition;
    }

    @FunctionalInterface
    private interface Definer {
        void define(ConfigDef definition);
    }

    private static Map<String, Definer> definitions() {
        Map<String, Definer> all = new LinkedHashMap<>();
        all.put(
                KAFKA_BOOTSTRAP_SERVERS,
                def -> def.define(
                        KAFKA_BOOTSTRAP_SERVERS,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        new ConfigDef.NonEmptyString(),
                        Importance.HIGH,
                        "Kafka bootstrap servers, host:port, comma-separated. Every other kafka.* key reaches the Kafka"
                                + " clients (and Kafka Streams) with the prefix removed: SASL, TLS, num.stream.threads, ..."));
        all.put(
                REGISTRY_URL,
                def -> def.define(
                        REGISTRY_URL,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        new HttpUrlValidator(),
                        Importance.HIGH,
                        "Base URL of the Confluent-compatible schema registry. Every other registry.* key reaches the"
                                + " registry client with the prefix removed: auto.register.schemas, basic.auth.user.info,"
                                + " ..."));
        all.put(
                MODEL_NAME,
                def -> def.define(
                        MODEL_NAME,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        new ModelNameValidator(),
                        Importance.HIGH,
                        "Name of the model: the trainer publishes its versions, the classifiers serve them."));
        all.put(
                MODEL_STORE_ROOT,
                def -> def.define(
                        MODEL_STORE_ROOT,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        new ConfigDef.NonEmptyString(),
                        Importance.HIGH,
                        "Root folder of the model store (one folder per model name and version), shared by the trainer"
                                + " that writes versions and the classifiers that read them."));
        all.put(
                MODEL_LABELS,
                def -> def.define(
                        MODEL_LABELS,
                        Type.LIST,
                        ConfigDef.NO_DEFAULT_VALUE,
                        new LabelsValidator(),
                        Importance.HIGH,
                        "The model's classes, in output order; corrections with another label are dead-lettered unless"
                                + " model.labels.open."));
        all.put(
                MODEL_LABELS_OPEN,
                def -> def.define(
                        MODEL_LABELS_OPEN,
                        Type.BOOLEAN,
                        false,
                        Importance.MEDIUM,
                        "Accept corrections with a label outside the model's labels: the next round's candidate has the"
                                + " labels of the version in service plus the new ones (sorted), its head grown (known rows"
                                + " kept, new rows drawn, or fitted by trainer.training.linear.probe)."));
        all.put(
                MODEL_VERSION_PINNED,
                def -> def.define(
                        MODEL_VERSION_PINNED,
                        Type.LONG,
                        null,
                        ConfigDef.LambdaValidator.with(SharedKeys::atLeastOneWhenSet, () -> "[1,...] or unset"),
                        Importance.MEDIUM,
                        "Serve exactly this version and ignore promotions; unset to follow the promoted version."));
        topic(all, TOPIC_TEXT_EVENTS, Topics.TEXT_EVENTS, "TextEvent records to classify.");
        topic(
                all,
                TOPIC_CLASSIFICATIONS,
                Topics.CLASSIFICATIONS,
                "Classification records (the trainer reads the texts of id-only corrections from it).");
        topic(
                all,
                TOPIC_TEXT_EVENTS_DLQ,
                Topics.TEXT_EVENTS_DLQ,
                "Dead letters of text events: the original bytes, with the reason in headers.");
        topic(all, TOPIC_LABEL_CORRECTIONS, Topics.LABEL_CORRECTIONS, "LabelCorrection records (feedback).");
        topic(
                all,
                TOPIC_LABEL_CORRECTIONS_DLQ,
                Topics.LABEL_CORRECTIONS_DLQ,
                "Dead letters of corrections that cannot become training data, with the reason in headers.");
        topic(
                all,
                TOPIC_TRAINING_SET,
                Topics.TRAINING_SET,
                "Compacted training set: corrections and seed examples with their texts (it also feeds the"
                        + " classifier's correction memory).");
        topic(all, TOPIC_MODEL_VERSIONS, Topics.MODEL_VERSIONS, "Compacted topic of ModelVersion records.");
        return Collections.unmodifiableMap(all);
    }

    private static void topic(Map<String, Definer> all, String key, String name, String doc) {
        all.put(
                key,
                def -> def.define(
                        key, Type.STRING, name, new ConfigDef.NonEmptyString(), Importance.LOW, "Topic: " + doc));
    }

    private static void atLeastOneWhenSet(String name, Object value) {
        if (value != null && (Long) value < 1) {
            throw new ConfigException(name, value, "must be at least 1 when set");
        }
    }
}
