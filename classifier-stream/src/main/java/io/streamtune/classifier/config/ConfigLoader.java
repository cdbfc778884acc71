package io.streamtune.classifier.config;

import io.streamtune.runtime.config.ConfigSources;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Builds a {@link ClassifierConfig} from the shared sources ({@link ConfigSources}): the properties file first, then
 * {@code STREAMTUNE_*} environment variables over it, then the defaults. {@code STREAMTUNE_CLASSIFIER_BATCH_MAX_RECORDS}
 * sets {@code classifier.batch.max.records}, {@code STREAMTUNE_KAFKA_SASL_MECHANISM} the pass-through
 * {@code kafka.sasl.mechanism}.
 */
public final class ConfigLoader {

    /** The prefix of environment variables that set configuration keys. */
    public static final String ENV_PREFIX = ConfigSources.ENV_PREFIX;

    private ConfigLoader() {}

    /**
     * Loads the configuration.
     *
     * @param file a properties file, or {@code null} for none
     * @param environment the environment, usually {@link System#getenv()}
     * @throws ConfigException naming the key of the first unknown, invalid or missing value, or the unreadable file
     */
    public static ClassifierConfig load(Path file, Map<String, String> environment) {
        return new ClassifierConfig(ConfigSources.load(file, environment, ClassifierConfig.keyScheme()));
    }
}
