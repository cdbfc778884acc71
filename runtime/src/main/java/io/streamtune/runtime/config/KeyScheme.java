package io.streamtune.runtime.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one app reads the shared settings: its own keys under its namespace ({@code classifier.*} for the
 * classifier), the {@link SharedKeys} as they are, other apps' namespaces ignored, keys of earlier releases renamed
 * with a warning, and any other key refused with its name, so a typo stops start-up. An old key without the
 * namespace ({@code batch.max.records} for {@code classifier.batch.max.records}) and a shared key given under the
 * namespace ({@code trainer.model.name}, as the trainer's old {@code STREAMTUNE_TRAINER_} variables set it) are
 * renamed too.
 */
public final class KeyScheme {

    /** The namespaces of the apps' own keys; an app ignores the others'. */
    public static final List<String> APP_NAMESPACES = List.of("classifier.", "trainer.", "review.", "cli.");

    private static final Logger LOG = LoggerFactory.getLogger(KeyScheme.class);

    private final String app;
    private final String namespace;
    private final ConfigDef definition;
    private final RenamedKeys renamed;

    private KeyScheme(String app, ConfigDef definition, RenamedKeys renamed) {
        this.app = app;
        this.namespace = app + ".";
        this.definition = definition;
        this.renamed = renamed;
        if (!APP_NAMESPACES.contains(namespace)) {
            throw new IllegalArgumentException("no namespace for app " + app + "; known: " + APP_NAMESPACES);
        }
    }

    /**
     * The scheme of one app.
     *
     * @param app the app's name, which is its namespace without the dot: classifier, trainer, review, cli
     * @param definition every key the app reads: its own and the shared ones it uses
     * @param renamed the app's keys of earlier releases
     */
    public static KeyScheme of(String app, ConfigDef definition, RenamedKeys renamed) {
        return new KeyScheme(app, definition, renamed);
    }

    /** The settings under current keys, with what was renamed (old key to new key). */
    public record Resolved(Map<String, Object> settings, Map<String, String> renamed) {

        /** No settings. */
        public static final Resolved EMPTY = new Resolved(Map.of(), Map.of());

        /** These settings with another source's over them. */
        public Resolved overriddenBy(Resolved other) {
            Map<String, Object> merged = new HashMap<>(settings);
            merged.putAll(other.settings);
            Map<String, String> mergedRenames = new TreeMap<>();
            renamed.forEach((oldKey, newKey) -> {
                if (!other.settings.containsKey(newKey)) {
                    mergedRenames.put(oldKey, newKey);
                }
            });
            mergedRenames.putAll(other.renamed);
            return new Resolved(merged, mergedRenames);
        }

        /**
         * The settings, once the definition accepts them.
         *
         * @throws ConfigException naming the invalid key, and the old key it was given as
         */
        public Map<String, Object> checked(ConfigDef definition) {
            try {
                definition.parse(settings);
            } catch (ConfigException e) {
                throw explained(e);
            }
            return settings;
        }

        /** The exception, with the old keys that set the current keys it names. */
        public ConfigException explained(ConfigException e) {
            StringBuilder message = new StringBuilder(e.getMessage());
            renamed.forEach((oldKey, newKey) -> {
                if (e.getMessage().contains(newKey)) {
                    message.append(" (")
                            .append(newKey)
                            .append(" was given as ")
                            .append(oldKey)
                            .append(')');
                }
            });
            return message.length() == e.getMessage().length() ? e : new ConfigException(message.toString());
        }
    }

    /**
     * Renames old keys (a current key given too wins over its old one) and refuses unknown ones.
     *
     * @throws ConfigException naming the first unknown key
     */
    public Resolved resolve(Map<?, ?> originals) {
        Map<String, Object> current = new HashMap<>();
        Map<String, Object> fromOld = new HashMap<>();
        Map<String, String> renames = new TreeMap<>();
        for (Map.Entry<?, ?> entry : new TreeMap<>(stringKeys(originals)).entrySet()) {
            String key = (String) entry.getKey();
            String resolved = currentKeyOf(key).orElseThrow(() -> unknown(key));
            if (resolved.equals(key)) {
                current.put(key, entry.getValue());
            } else {
                renames.put(key, resolved);
                fromOld.put(resolved, entry.getValue());
            }
        }
        renames.forEach(this::warn);
        Map<String, Object> settings = new LinkedHashMap<>(fromOld);
        settings.putAll(current);
        return new Resolved(settings, Map.copyOf(renames));
    }

    /** The current key a key stands for, if any: itself, or what replaces it. */
    Optional<String> currentKeyOf(String key) {
        Optional<String> replacement = renamed.replacementOf(key);
        if (replacement.isPresent()) {
            return replacement;
        }
        if (isCurrent(key)) {
            return Optional.of(key);
        }
        if (key.startsWith(namespace)) {
            String rest = key.substring(namespace.length());
            Optional<String> restKey = renamed.replacementOf(rest);
            if (restKey.isPresent()) {
                return restKey;
            }
            return SharedKeys.isShared(rest) ? Optional.of(rest) : Optional.empty();
        }
        return definition.names().contains(namespace + key) ? Optional.of(namespace + key) : Optional.empty();
    }

    private boolean isCurrent(String key) {
        return definition.names().contains(key)
                || SharedKeys.isShared(key)
                || APP_NAMESPACES.stream().anyMatch(other -> !other.equals(namespace) && key.startsWith(other));
    }

    private ConfigException unknown(String key) {
        return new ConfigException("Unknown configuration key '" + key + "': not a " + app + " setting. The "
                + app + "'s own keys are " + namespace + "*, keys shared by every app are kafka.*, registry.*,"
                + " model.* and topic.* (docs/configuration.md lists them all)");
    }

    private void warn(String oldKey, String newKey) {
        LOG.warn(
                "Configuration key '{}' is deprecated and will be removed in the next release; use '{}' (as"
                        + " property) or {} (as environment variable)",
                oldKey,
                newKey,
                ConfigSources.variableOf(newKey));
    }

    private static Map<String, Object> stringKeys(Map<?, ?> originals) {
        Map<String, Object> keys = new HashMap<>();
        originals.forEach((key, value) -> keys.put(String.valueOf(key), value));
        return keys;
    }
}
