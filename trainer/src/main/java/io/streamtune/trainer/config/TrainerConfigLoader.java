package io.streamtune.trainer.config;

import io.streamtune.runtime.config.ConfigSources;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Reads a {@link TrainerConfig} from the shared sources ({@link ConfigSources}): a properties file first, then
 * {@code STREAMTUNE_*} environment variables over it, then the defaults. {@code STREAMTUNE_MODEL_NAME} sets
 * {@code model.name}, {@code STREAMTUNE_TRAINER_ROUND_SEED} sets {@code trainer.round.seed}; the variables of the
 * release before ({@code STREAMTUNE_TRAINER_MODEL_NAME} for {@code model.name}) still work, with a warning.
 */
public final class TrainerConfigLoader {

    /** Environment variables with this prefix override file settings. */
    public static final String ENV_PREFIX = ConfigSources.ENV_PREFIX;

    private TrainerConfigLoader() {}

    /**
     * Loads the file (may be null for environment only) and applies the environment overrides.
     *
     * @throws ConfigException when the file cannot be read or a setting is unknown or invalid
     */
    public static TrainerConfig load(Path file, Map<String, String> environment) {
        return new TrainerConfig(ConfigSources.load(file, environment, TrainerConfig.keyScheme()));
    }
}
