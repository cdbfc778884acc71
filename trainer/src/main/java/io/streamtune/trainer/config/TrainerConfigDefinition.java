package io.streamtune.trainer.config;

import static io.streamtune.trainer.config.TrainerConfig.*;

import io.streamtune.model.base.BuiltInBase;
import io.streamtune.runtime.config.SharedKeys;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/** The definition (type, default, validator, doc) of every {@link TrainerConfig} key, grouped by concern. */
final class TrainerConfigDefinition {

    private TrainerConfigDefinition() {}

    static ConfigDef define() {
        ConfigDef def = new ConfigDef();
        defineShared(def);
        defineModel(def);
        defineRounds(def);
        defineGate(def);
        defineFeedback(def);
        defineTraining(def);
        def.define(HTTP_HOST, Type.STRING, "127.0.0.1", Importance.LOW, "Address of the control HTTP server.")
                .define(
                        HTTP_PORT,
                        Type.INT,
                        8090,
                        Range.between(-1, 65535),
                        Importance.LOW,
                        "Port of the control HTTP server (POST /rounds, GET /health); -1 disables it, 0 picks one.")
                .define(
                        HTTP_ROUNDS_TOKEN,
                        Type.PASSWORD,
                        "",
                        Importance.MEDIUM,
                        "Bearer token that POST /rounds requires (Authorization: Bearer <token>); empty: no token."
                                + " GET /health and /metrics stay open.");
        return def;
    }

    private static void defineModel(ConfigDef def) {
        def.define(
                        MODEL_BASE,
                        Type.STRING,
                        BuiltInBase.DEFAULT.key(),
                        ValidString.in(Arrays.stream(BuiltInBase.values())
                                .map(BuiltInBase::key)
                                .toArray(String[]::new)),
                        Importance.MEDIUM,
                        "Built-in pretrained base that bootstrap fine-tunes the first version from, unless "
                                + MODEL_BASE_PATH
                                + " names a checkpoint: all-minilm-l6-v2 (6 layers, about 2.3x faster) or"
                                + " bge-small-en-v1.5 (12 layers, more accurate).")
                .define(
                        MODEL_BASE_PATH,
                        Type.STRING,
                        "",
                        new CheckpointFolderValidator(),
                        Importance.MEDIUM,
                        "HuggingFace BERT checkpoint folder (config.json, model.safetensors, tokenizer.json) that"
                                + " bootstrap fine-tunes the first version from; empty means the built-in base of "
                                + MODEL_BASE
                                + ".")
                .define(
                        APPLICATION_ID,
                        Type.STRING,
                        "",
                        Importance.MEDIUM,
                        "Kafka Streams application id of feedback ingestion; empty means streamtune-trainer-<model>.");
    }

    private static void defineRounds(ConfigDef def) {
        def.define(
                        ROUND_TRIGGER_CORRECTIONS,
                        Type.INT,
                        200,
                        Range.atLeast(1),
                        Importance.HIGH,
                        "Start a round when this many new corrections and confirmations have arrived (audits do not"
                                + " count: no round trains on them).")
                .define(
                        ROUND_TRIGGER_INTERVAL_MINUTES,
                        Type.LONG,
                        30L,
                        Range.atLeast(1),
                        Importance.HIGH,
                        "Start a round when this many minutes passed since the last one and at least one"
                                + " new correction arrived.")
                .define(
                        ROUND_REPLAY_RATIO,
                        Type.DOUBLE,
                        3.0,
                        Range.between(0.0, 100.0),
                        Importance.MEDIUM,
                        "Earlier training examples replayed per new correction in a round (0 = none).")
                .define(
                        ROUND_REPLAY_FILL,
                        Type.INT,
                        0,
                        Range.atLeast(0),
                        Importance.MEDIUM,
                        "Fewest examples, new and replayed together, a round trains on: while the ratio gives fewer,"
                                + " earlier examples fill the round up to this many (the whole labelled set while it"
                                + " is smaller). 0 = the ratio alone.")
                .define(
                        ROUND_HOLDOUT_FRACTION,
                        Type.DOUBLE,
                        0.2,
                        Range.between(0.01, 0.9),
                        Importance.MEDIUM,
                        "Share held out of training to evaluate the gate: of corrections by event id hash; of the"
                                + " bootstrap examples in each class (stratified by label).")
                .define(ROUND_SEED, Type.LONG, 42L, Importance.LOW, "Seed of the replay sample and training.")
                .define(
                        ROUND_RETRY_BACKOFF_MS,
                        Type.LONG,
                        60_000L,
                        Range.atLeast(0),
                        Importance.LOW,
                        "Wait after a failed round before the next attempt.");
    }

    private static void defineGate(ConfigDef def) {
        def.define(
                        GATE_METRIC,
                        Type.STRING,
                        "macroF1",
                        ValidString.in("accuracy", "macroF1"),
                        Importance.MEDIUM,
                        "Holdout metric the gate compares. macroF1 by default: once corrections of one kind fill the"
                                + " holdout, a candidate that answers one label for everything can gain accuracy"
                                + " while it loses macro-F1.")
                .define(
                        GATE_MARGIN,
                        Type.DOUBLE,
                        0.0,
                        Range.between(0.0, 1.0),
                        Importance.MEDIUM,
                        "A candidate is PROMOTED when its metric >= the serving version's metric - margin.")
                .define(
                        GATE_SEED_MARGIN,
                        Type.DOUBLE,
                        0.05,
                        Range.between(0.0, 1.0),
                        Importance.MEDIUM,
                        "...and when its accuracy on the held-out part of the bootstrap set (an unbiased sample,"
                                + " unlike corrections, which are past mistakes) is >= the serving version's - this"
                                + " margin, so a round cannot forget what the version in service knew. 1 turns the"
                                + " check off.")
                .define(
                        GATE_AUDIT_MARGIN,
                        Type.DOUBLE,
                        0.02,
                        Range.between(0.0, 1.0),
                        Importance.MEDIUM,
                        "...and when its gate.metric on the audit holdout (labels of kind AUDIT: items drawn"
                                + " uniformly at random for review, an unbiased sample never trained on) is >= the"
                                + " serving version's - this margin. Checked once the audit holdout has"
                                + " gate.audit.min.examples examples; 1 turns the check off.")
                .define(
                        GATE_AUDIT_MIN_EXAMPLES,
                        Type.INT,
                        30,
                        Range.between(1, 1_000_000),
                        Importance.LOW,
                        "Fewest audit labels for the gate.audit.margin check: on fewer, a single item moves the"
                                + " metric too much to reject on. The audit holdout's metrics are recorded in each"
                                + " version's metrics whatever its size.");
    }

    private static void defineFeedback(ConfigDef def) {
        def.define(
                        FEEDBACK_JOIN_MAX_WAIT_MS,
                        Type.LONG,
                        300_000L,
                        Range.atLeast(0),
                        Importance.MEDIUM,
                        "How long an id-only correction waits for its classification before it is dead-lettered.")
                .define(
                        FEEDBACK_JOIN_CHECK_INTERVAL_MS,
                        Type.LONG,
                        5_000L,
                        Range.atLeast(10),
                        Importance.LOW,
                        "How often waiting corrections are re-checked (wall clock).")
                .define(
                        FEEDBACK_TEXT_RETENTION_HOURS,
                        Type.LONG,
                        168L,
                        Range.atLeast(1),
                        Importance.LOW,
                        "How long classified texts are kept for id-only corrections.")
                .define(
                        FEEDBACK_ANNOTATORS_ALLOWED,
                        Type.LIST,
                        List.of(),
                        Importance.MEDIUM,
                        "Annotators whose corrections are accepted; empty accepts everyone.")
                .define(
                        FEEDBACK_ANNOTATOR_RATE_LIMIT,
                        Type.INT,
                        0,
                        Range.atLeast(0),
                        Importance.MEDIUM,
                        "Corrections accepted per annotator per minute (record time); 0 means no limit.");
    }

    private static void defineTraining(ConfigDef def) {
        def.define(
                        TRAINING_EPOCHS,
                        Type.INT,
                        2,
                        Range.between(1, 100),
                        Importance.MEDIUM,
                        "Fine-tuning epochs per round.")
                .define(
                        TRAINING_BATCH_SIZE,
                        Type.INT,
                        16,
                        Range.between(1, 1024),
                        Importance.MEDIUM,
                        "Fine-tuning batch size.")
                .define(
                        TRAINING_LEARNING_RATE,
                        Type.DOUBLE,
                        1e-4,
                        Range.between(1e-8, 1.0),
                        Importance.MEDIUM,
                        "Peak AdamW learning rate of a round (fine-tuning from the version in service).")
                .define(
                        TRAINING_BOOTSTRAP_LEARNING_RATE,
                        Type.DOUBLE,
                        1e-4,
                        Range.between(1e-8, 1.0),
                        Importance.MEDIUM,
                        "Peak AdamW learning rate of the first version (bootstrap, a new head on the initial"
                                + " labelled set).")
                .define(
                        TRAINING_MAX_LENGTH,
                        Type.INT,
                        128,
                        Range.between(8, 512),
                        Importance.LOW,
                        "Tokens per window; a longer text is cut into overlapping windows (training.max.windows).")
                .define(
                        DEVICE,
                        Type.STRING,
                        "auto",
                        new DeviceNameValidator(),
                        Importance.MEDIUM,
                        "Fine-tuning and evaluation device, chosen once at start-up: auto (GPU 0 when PyTorch sees a"
                                + " GPU, else the CPU), cpu, or gpu:N (GPU N; the CPU when PyTorch does not see it,"
                                + " unless "
                                + DEVICE_REQUIRED
                                + " is true). The choice and its reason are logged (WARN unless cpu or gpu:N was"
                                + " taken as given).")
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
                        TRAINING_MAX_WINDOWS,
                        Type.INT,
                        8,
                        Range.between(1, 64),
                        Importance.LOW,
                        "Most windows of training.max.length a long text is cut into; the loss is taken on the mean"
                                + " of its windows' logits, as the classifier pools them. 1 keeps only head and tail.")
                .define(
                        TRAINING_MIN_STEPS,
                        Type.INT,
                        100,
                        Range.between(0, 100_000),
                        Importance.LOW,
                        "Fewest optimisation steps of a fine-tuning run that draws a new head (bootstrap, new"
                                + " labels): a small training set gets more epochs than training.epochs until it"
                                + " reaches this many. Rounds that keep the head run training.epochs.")
                .define(
                        TRAINING_CLASS_WEIGHTING,
                        Type.STRING,
                        "sqrt",
                        ValidString.in("none", "balanced", "sqrt"),
                        Importance.LOW,
                        "How the loss weighs classes by their share of the training examples: none, balanced"
                                + " (n / (k * n_c)) or sqrt (its square root).")
                .define(
                        TRAINING_LINEAR_PROBE,
                        Type.BOOLEAN,
                        true,
                        Importance.LOW,
                        "Fit a new head on the frozen encoder's features (a linear probe) before fine-tuning the"
                                + " whole model, instead of starting it from random weights.")
                .define(
                        TRAINING_LEXICAL_WEIGHT,
                        Type.DOUBLE,
                        2.0,
                        Range.between(0.0, 10.0),
                        Importance.LOW,
                        "Every version carries a lexical model (logistic regression on hashed word unigrams and"
                                + " bigrams, trained on the whole labelled set outside the holdout, probabilities"
                                + " calibrated by cross-validation) whose log-probabilities are added to BERT's with a"
                                + " weight chosen among 0, 1/4, 1/2 and all of this value on held-out examples. 0"
                                + " stores BERT alone.")
                .define(
                        TRAINING_FROZEN_LAYERS,
                        Type.INT,
                        0,
                        Range.between(0, 48),
                        Importance.LOW,
                        "How many of the encoder's lowest layers (and the embeddings) stay frozen while fine-tuning;"
                                + " their backward pass is skipped too, so steps get faster. 0 trains every layer.")
                .define(
                        TRAINING_PARENT_BLEND,
                        Type.DOUBLE,
                        0.5,
                        Range.between(0.0, 0.95),
                        Importance.LOW,
                        "Share of the version in service's weights a round's candidate keeps: each weight ends at"
                                + " parent + (1 - share) * (tuned - parent), between the two (weight-space"
                                + " ensembling), so a round forgets less of what the version in service knew. 0"
                                + " keeps the tuned weights. 0.5, the default, was better than 0 on 8 of 12"
                                + " final or streaming figures over three seeds of two proxies (docs/quality.md).")
                .define(
                        TRAINING_EARLY_STOPPING_FRACTION,
                        Type.DOUBLE,
                        0.1,
                        Range.between(0.0, 0.45),
                        Importance.LOW,
                        "Share of a round's training examples held out to stop early and keep the best step; 0"
                                + " trains on all of them for the whole schedule.")
                .define(
                        TRAINING_BOOTSTRAP_EARLY_STOPPING_FRACTION,
                        Type.DOUBLE,
                        0.0,
                        Range.between(0.0, 0.45),
                        Importance.LOW,
                        "The same share for the first version (bootstrap, a new head on the initial labelled set):"
                                + " 0, the default, trains on every seed example for the whole schedule (measured"
                                + " in docs/quality.md: 2-8 points better on small seeds than stopping early).");
    }

    private static void defineShared(ConfigDef def) {
        SharedKeys.define(
                def,
                SharedKeys.KAFKA_BOOTSTRAP_SERVERS,
                SharedKeys.REGISTRY_URL,
                SharedKeys.MODEL_NAME,
                SharedKeys.MODEL_LABELS,
                SharedKeys.MODEL_LABELS_OPEN,
                SharedKeys.MODEL_STORE_ROOT,
                SharedKeys.TOPIC_LABEL_CORRECTIONS,
                SharedKeys.TOPIC_LABEL_CORRECTIONS_DLQ,
                SharedKeys.TOPIC_CLASSIFICATIONS,
                SharedKeys.TOPIC_TRAINING_SET,
                SharedKeys.TOPIC_MODEL_VERSIONS);
    }
}
