package io.streamtune.classifier.config;

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
 * Builds a {@link ClassifierConfig} the twelve-factor way: the properties file first, then environment variables
 * over it, then the defaults of {@link ClassifierConfig} for what neither sets. An environment variable
 * {@code STREAMTUNE_BATCH_MAX_RECORDS} sets {@code batch.max.records}: drop the prefix, lower-case, {@code _} to
 * {@code .}; so {@code STREAMTUNE_KAFKA_SASL_MECHANISM} sets the pass-through {@code kafka.sasl.mechanism}.
 */
public final class ConfigLoader {

    /** The prefix of environment variables that set configuration keys. */
    public static final String ENV_PREFIX = "STREAMTUNE_";

    private ConfigLoader() {}

    /**
     * Loads the configuration.
     *
     * @param file a properties file, or {@code null} for none
     * @param environment the environment, usually {@link System#getenv()}
     * @throws ConfigException naming the key of the first invalid or missing value, or the unreadable file
     */
    public static ClassifierConfig load(Path file, Map<String, String> environment) {
        Map<String, Object> values = new HashMap<>();
        if (file != null) {
            values.putAll(readFile(file));
        }
        values.putAll(fromEnvironment(environment));
        return new ClassifierConfig(values);
    }

    /** The configuration keys set by {@code STREAMTUNE_*} variables, by key. */
    static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                values.put(keyOf(name), value);
            }
        });
        return values;
    }

    private static String keyOf(String variable) {
        return variable.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e);
        }
        Map<String, String> values = new HashMap<>();
        properties
                .stringPropertyNames()
                .forEach(key -> values.put(key, properties.getProperty(key).trim()));
        return values;
    }
}
