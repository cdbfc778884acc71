package io.streamtune.demo;

import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.review.config.ReviewConfig;
import io.streamtune.runtime.config.SharedKeys;
import io.streamtune.schemas.Topics;
import io.streamtune.stack.StackEndpoints;
import io.streamtune.trainer.config.TrainerConfig;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The names and folders of one demo run and the configuration of the classifier and trainer it runs in-process.
 * On a fresh stack the model is {@value #MODEL} and the event ids are the data file's ids, so a run is repeatable
 * (the holdout split hashes the ids); on a reused stack the model gets the run id as a suffix and the event ids as
 * a prefix, so the run does not meet earlier runs' versions and examples.
 *
 * @param runId the run's id, its start time ({@code yyyyMMdd-HHmmss})
 * @param modelName the model family trained and served
 * @param folder the run's folder under the data dir: {@code models/}, {@code state/}, report files
 * @param endpoints the stack
 */
record DemoRun(String runId, String modelName, Path folder, StackEndpoints endpoints) {

    static final String MODEL = "sentiment";
    static final String LABELS = "neg,pos";

    /** A new run id: the time now. */
    static String newRunId() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    }

    /** The folder of a run under the data dir. */
    static Path folder(Path dataDir, String runId) {
        return dataDir.resolve("runs").resolve(runId);
    }

    static DemoRun create(String runId, Path dataDir, StackEndpoints endpoints, boolean freshStack) {
        String model = freshStack ? MODEL : MODEL + "-" + runId;
        return new DemoRun(runId, model, folder(dataDir, runId), endpoints);
    }

    /** What every event id of the run starts with: empty on a fresh stack, the run id and a slash otherwise. */
    String eventIdPrefix() {
        return modelName.equals(MODEL) ? "" : runId + "/";
    }

    Path modelStore() {
        return folder.resolve("models");
    }

    /** The trainer: rounds after {@code roundTrigger} corrections, no control HTTP server. */
    TrainerConfig trainerConfig(DemoSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(TrainerConfig.MODEL_NAME, modelName);
        config.put(TrainerConfig.MODEL_LABELS, LABELS);
        config.put(TrainerConfig.MODEL_STORE_ROOT, modelStore().toString());
        config.put(TrainerConfig.SCHEMA_REGISTRY_URL, endpoints.schemaRegistryUrl());
        config.put(TrainerConfig.APPLICATION_ID, "streamtune-demo-trainer-" + runId);
        config.put(TrainerConfig.ROUND_TRIGGER_CORRECTIONS, Integer.toString(settings.roundTrigger()));
        config.put(TrainerConfig.ROUND_SEED, Long.toString(settings.training().seed()));
        config.put(TrainerConfig.ROUND_RETRY_BACKOFF_MS, "10000");
        config.put(
                TrainerConfig.ROUND_REPLAY_RATIO,
                Double.toString(settings.training().replayRatio()));
        config.put(TrainerConfig.GATE_METRIC, settings.training().gateMetric());
        config.put(
                TrainerConfig.TRAINING_EPOCHS,
                Integer.toString(settings.training().epochs()));
        config.put(
                TrainerConfig.TRAINING_MAX_LENGTH,
                Integer.toString(settings.training().maxLength()));
        config.put(
                TrainerConfig.TRAINING_LEARNING_RATE,
                Double.toString(settings.training().learningRate()));
        config.put(TrainerConfig.FEEDBACK_JOIN_CHECK_INTERVAL_MS, "1000");
        config.put(TrainerConfig.HTTP_PORT, "-1");
        config.put("kafka.bootstrap.servers", endpoints.bootstrapServers());
        config.put(TrainerConfig.REGISTRY_PREFIX + "auto.register.schemas", "true");
        config.put("kafka.commit.interval.ms", "200");
        config.put("kafka.state.dir", folder.resolve("state/trainer").toString());
        return new TrainerConfig(config);
    }

    /** The classifier: one instance, batches of up to 32, the training's max length. */
    ClassifierConfig classifierConfig(DemoSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ClassifierConfig.APPLICATION_ID, classifierApplicationId());
        config.put(ClassifierConfig.BOOTSTRAP_SERVERS, endpoints.bootstrapServers());
        config.put(ClassifierConfig.SCHEMA_REGISTRY_URL, endpoints.schemaRegistryUrl());
        config.put(ClassifierConfig.REGISTRY_PREFIX + "auto.register.schemas", "true");
        config.put(ClassifierConfig.INPUT_TOPIC, Topics.TEXT_EVENTS);
        config.put(ClassifierConfig.OUTPUT_TOPIC, Topics.CLASSIFICATIONS);
        config.put(ClassifierConfig.MODEL_NAME, modelName);
        config.put(ClassifierConfig.MODEL_STORE_ROOT, modelStore().toString());
        config.put(
                ClassifierConfig.MODEL_MAX_LENGTH,
                Integer.toString(settings.training().maxLength()));
        config.put(ClassifierConfig.BATCH_MAX_RECORDS, "32");
        config.put(ClassifierConfig.BATCH_MAX_WAIT_MS, "100");
        config.put(ClassifierConfig.INSTANCE_ID, "demo-classifier");
        config.put(ClassifierConfig.HTTP_PORT, "0");
        config.put(
                ClassifierConfig.KAFKA_PREFIX + "state.dir",
                folder.resolve("state/classifier").toString());
        config.put(ClassifierConfig.KAFKA_PREFIX + "commit.interval.ms", "100");
        return new ClassifierConfig(config);
    }

    /** The review workbench: the run's model, on 127.0.0.1, its own consumer group and a session key of its own. */
    ReviewConfig reviewConfig(DemoSettings settings, Path usersFile) {
        Map<String, Object> config = new HashMap<>();
        config.put(SharedKeys.KAFKA_BOOTSTRAP_SERVERS, endpoints.bootstrapServers());
        config.put(SharedKeys.REGISTRY_URL, endpoints.schemaRegistryUrl());
        config.put("registry.auto.register.schemas", "true");
        config.put(SharedKeys.MODEL_NAME, modelName);
        config.put(ReviewConfig.GROUP_ID, "streamtune-demo-review-" + runId);
        config.put(ReviewConfig.USERS_FILE, usersFile.toString());
        config.put(ReviewConfig.SESSION_SECRET, UUID.randomUUID() + "-" + UUID.randomUUID());
        config.put(ReviewConfig.HTTP_HOST, "127.0.0.1");
        config.put(
                ReviewConfig.HTTP_PORT, Integer.toString(settings.reviewPage().port()));
        return new ReviewConfig(config);
    }

    /** The classifier's Kafka Streams application id (also its consumer group). */
    String classifierApplicationId() {
        return "streamtune-demo-classifier-" + runId;
    }
}
