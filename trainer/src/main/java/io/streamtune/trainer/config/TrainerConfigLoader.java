package io.streamtune.trainer.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;

/**
 * Reads a {@link TrainerConfig}: a properties file first, then environment variables override it, then defaults
 * fill the rest. An environment variable {@code STREAMTUNE_TRAINER_MODEL_NAME} sets {@code model.name}: the prefix
 * {@value #ENV_PREFIX} is dropped, the rest lower-cased and {@code _} turned into {@code .}.
 */
public final class TrainerConfigLoader {

    /** Environment variables with this prefix override file settings. */
    public static final String ENV_PREFIX = "STREAMTUNE_TRAINER_";

    private TrainerConfigLoader() {}

    /**
     * Loads the file (may be null for environment only) and applies the environment overrides.
     *
     * @throws ConfigException when the file cannot be read or a setting is unknown or invalid
     */
    public static TrainerConfig load(Path file, Map<String, String> environment) {
        Map<String, Object> settings = new HashMap<>();
        if (file != null) {
            settings.putAll(readFile(file));
        }
        settings.putAll(fromEnvironment(environment));
        return new TrainerConfig(settings);
    }

    /** The settings named by environment variables with the {@value #ENV_PREFIX} prefix. */
    static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> settings = new HashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                String key = name.substring(ENV_PREFIX.length())
                        .toLowerCase(Locale.ROOT)
                        .replace('_', '.');
                settings.put(key, value);
            }
        });
        return settings;
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        Map<String, String> settings = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        return settings;
    }
}
