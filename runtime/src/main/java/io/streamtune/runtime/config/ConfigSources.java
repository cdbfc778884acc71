package io.streamtune.runtime.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;

/**
 * Where settings come from, the twelve-factor way: the properties file first, then environment variables over it
 * (the app's defaults fill what neither sets). Values are trimmed. A variable {@code STREAMTUNE_KAFKA_SASL_MECHANISM}
 * sets {@code kafka.sasl.mechanism}: drop {@value #ENV_PREFIX}, lower-case, {@code _} to {@code .}. The same prefix
 * serves every app; each app reads its own keys and ignores the other apps' namespaces.
 */
public final class ConfigSources {

    /** The prefix of environment variables that set configuration keys, for every app. */
    public static final String ENV_PREFIX = "STREAMTUNE_";

    /**
     * Variables with the prefix that are not settings: the checkout the CLI runs from, the log level, and the
     * local stack's ports and folders ({@code io.streamtune.stack.StackConfig}).
     */
    public static final Set<String> NOT_SETTINGS = Set.of(
            "STREAMTUNE_HOME",
            "STREAMTUNE_LOG_LEVEL",
            "STREAMTUNE_REBUILD",
            "STREAMTUNE_STACK_DIR",
            "STREAMTUNE_KAFKA_PORT",
            "STREAMTUNE_KAFKA_CONTROLLER_PORT",
            "STREAMTUNE_REGISTRY_PORT",
            "STREAMTUNE_BROKER_CLASSPATH",
            "STREAMTUNE_REGISTRY_CLASSPATH",
            "STREAMTUNE_STACK_TIMEOUT_SECONDS");

    private ConfigSources() {}

    /**
     * The settings of the file (if any) with the environment's over them, each source's old keys renamed first so
     * that a variable wins over the file whichever name either uses.
     *
     * @param file a properties file, or {@code null} for none
     * @param environment the environment, usually {@link System#getenv()}
     * @param scheme the keys of the app that reads them
     * @throws ConfigException when the file does not exist or cannot be read, or names an unknown key
     */
    public static KeyScheme.Resolved load(Path file, Map<String, String> environment, KeyScheme scheme) {
        KeyScheme.Resolved fromFile = file == null ? KeyScheme.Resolved.EMPTY : scheme.resolve(readFile(file));
        return fromFile.overriddenBy(scheme.resolve(fromEnvironment(environment)));
    }

    /** The settings named by {@value #ENV_PREFIX} variables, by key. */
    public static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> settings = new HashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length() && !NOT_SETTINGS.contains(name)) {
                settings.put(keyOf(name), value.trim());
            }
        });
        return settings;
    }

    /** The key an environment variable sets. */
    public static String keyOf(String variable) {
        return variable.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The environment variable that sets a key. */
    public static String variableOf(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** The settings of a properties file, trimmed. */
    public static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file " + file + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        Map<String, String> settings = new HashMap<>();
        properties
                .stringPropertyNames()
                .forEach(key ->
                        settings.put(key.trim(), properties.getProperty(key).trim()));
        return settings;
    }
}
