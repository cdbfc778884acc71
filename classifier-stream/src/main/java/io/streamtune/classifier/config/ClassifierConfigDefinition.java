package io.streamtune.classifier.config;

import static io.streamtune.classifier.config.ClassifierConfig.*;

import io.streamtune.runtime.config.SharedKeys;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/** The definition (type, default, validator, doc) of every {@link ClassifierConfig} key. */
final class ClassifierConfigDefinition {

    /** Windows of model.max.length a long text is cut into by default (the model module's default). */
    static final int DEFAULT_MAX_WINDOWS = 8;

    private ClassifierConfigDefinition() {}

    static ConfigDef define() {
        ConfigDef shared = SharedKeys.define(
                new ConfigDef(),
                SharedKeys.KAFKA_BOOTSTRAP_SERVERS,
                SharedKeys.REGISTRY_URL,
                SharedKeys.MODEL_NAME,
                SharedKeys.MODEL_STORE_ROOT,
                SharedKeys.MODEL_VERSION_PINNED,
                SharedKeys.TOPIC_TEXT_EVENTS,
                SharedKeys.TOPIC_CLASSIFICATIONS,
                SharedKeys.TOPIC_TEXT_EVENTS_DLQ,
                SharedKeys.TOPIC_MODEL_VERSIONS,
                SharedKeys.TOPIC_TRAINING_SET);
        return InferenceHttpKeys.define(MemoryKeys.define(shared))
                .define(
                        APPLICATION_ID,
                        Type.STRING,
                        "streamtune-classifier",
                        nonEmpty(),
                        Importance.HIGH,
                        "Kafka Streams application id: the consumer group and the prefix of internal topics. Every"
                                + " instance of one deployment uses the same id.")
                .define(
                        DEVICE,
                        Type.STRING,
                        "auto",
                        new ConfigValidators.DeviceName(),
                        Importance.MEDIUM,
                        "Inference device, chosen once at start-up: auto (GPU 0 when PyTorch sees a GPU, else the"
                                + " CPU), cpu, or gpu:N (GPU N; the CPU when PyTorch does not see it, unless "
                                + DEVICE_REQUIRED
                                + " is true). The choice and its reason are logged (WARN unless cpu or gpu:N was"
                                + " taken as given) and exported as the metric streamtune_device_gpu.")
                .define(
                        DEVICE_REQUIRED,
                        Type.BOOLEAN,
                        false,
                        Importance.LOW,
                        "true: never fall back to the CPU; start-up is refused when "
                                + DEVICE
                                + " is gpu:N and PyTorch does not see GPU N, or is auto and PyTorch sees no GPU. No"
                                + " effect with cpu.")
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
                        DEFAULT_MAX_WINDOWS,
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
                        BATCH_SHARED,
                        Type.BOOLEAN,
                        true,
                        Importance.LOW,
                        "Stream threads and HTTP inference requests share forward passes: one pass runs at a time,"
                                + " and the callers that arrive meanwhile are classified together in the next one, up"
                                + " to batch.max.records texts. false: every caller runs its own pass, at the same"
                                + " time as the others.")
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
                        null,
                        nonEmpty(),
                        Importance.MEDIUM,
                        "Name of this instance in logs, metrics and the status endpoint; unset: the host name"
                                + " ($HOSTNAME), else classifier-<pid>.")
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
    }

    private static ConfigDef.Validator nonEmpty() {
        return new ConfigDef.NonEmptyString();
    }
}
