package io.streamtune.cli.init;

import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.cli.client.ClientSettings;
import io.streamtune.review.config.ReviewConfig;
import io.streamtune.runtime.config.ConfigReference;
import io.streamtune.runtime.config.SharedKeys;
import io.streamtune.trainer.config.TrainerConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The starter file {@code streamtune init} writes, rendered from the apps' definitions: the shared keys with the
 * local stack's connection, then every classifier, trainer and review key commented out at its default.
 */
public final class StarterFile {

    /** The values the starter file sets: the local stack ({@code streamtune stack up}) and a local model store. */
    static final Map<String, String> LOCAL_STACK = Map.of(
            SharedKeys.KAFKA_BOOTSTRAP_SERVERS, ClientSettings.DEFAULT_BOOTSTRAP_SERVERS,
            SharedKeys.REGISTRY_URL, ClientSettings.DEFAULT_SCHEMA_REGISTRY,
            SharedKeys.MODEL_STORE_ROOT, ".streamtune/models");

    /** The review workbench's users file, next to the starter file. */
    static final Map<String, String> REVIEW_USERS = Map.of(ReviewConfig.USERS_FILE, "review-users");

    private StarterFile() {}

    public static String render() {
        ConfigDef classifier = ClassifierConfig.definition();
        ConfigDef trainer = TrainerConfig.definition();
        ConfigDef review = ReviewConfig.definition();
        return "# Streamtune configuration: every app (classifier, trainer, the streamtune CLI) reads this one file.\n"
                + "# Shared keys mean the same for every app; each app's own keys are under its namespace.\n"
                + "# STREAMTUNE_* environment variables override single keys (STREAMTUNE_MODEL_NAME=...).\n"
                + "# Any kafka.* key reaches the Kafka clients, any registry.* key the registry client.\n"
                + "\n# --- shared ---\n"
                + ConfigReference.starterFile(ConfigReference.sharedDefinition(), SharedKeys.names(), LOCAL_STACK)
                + "\n# --- classifier (classifier.*) ---\n"
                + ConfigReference.starterFile(
                        classifier, ConfigReference.ownKeys(classifier, ClassifierConfig.NAMESPACE), Map.of())
                + "\n# --- trainer (trainer.*) ---\n"
                + ConfigReference.starterFile(
                        trainer, ConfigReference.ownKeys(trainer, TrainerConfig.NAMESPACE), Map.of())
                + "\n# --- review workbench (review.*): streamtune review add-user NAME --users-file review-users ---\n"
                + ConfigReference.starterFile(
                        review, ConfigReference.ownKeys(review, ReviewConfig.NAMESPACE), REVIEW_USERS);
    }
}
