package io.streamtune.runtime.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The reference of configuration keys, rendered from their definitions, so what the documentation says is what the
 * code accepts: a Markdown table, or a starter properties file with every key commented out at its default.
 */
public final class ConfigReference {

    private ConfigReference() {}

    /** A Markdown table of the keys: key, default, valid values, description; in the order given. */
    public static String markdownTable(ConfigDef definition, Collection<String> keys) {
        StringBuilder table = new StringBuilder("| key | default | valid values | description |\n|---|---|---|---|\n");
        for (String name : keys) {
            ConfigKey key = keyOf(definition, name);
            table.append("| `")
                    .append(name)
                    .append("` | ")
                    .append(cell(defaultOf(key)))
                    .append(" | ")
                    .append(cell(validValuesOf(key)))
                    .append(" | ")
                    .append(cell(key.documentation))
                    .append(" |\n");
        }
        return table.toString();
    }

    /** The value a starter file gives a required key until the user sets it. */
    public static final String REQUIRED_PLACEHOLDER = "<required>";

    /**
     * A properties file that names every key with its documentation: the keys given a value are set to it, other
     * required keys to {@code <required>}, and the rest commented out at their default.
     */
    public static String starterFile(ConfigDef definition, Collection<String> keys, Map<String, String> values) {
        StringBuilder file = new StringBuilder();
        for (String name : keys) {
            ConfigKey key = keyOf(definition, name);
            file.append('\n');
            for (String line : wrap(key.documentation + validValuesNote(key), 100)) {
                file.append("# ").append(line).append('\n');
            }
            if (values.containsKey(name)) {
                file.append(name).append('=').append(values.get(name)).append('\n');
            } else if (key.defaultValue == ConfigDef.NO_DEFAULT_VALUE) {
                file.append(name).append('=').append(REQUIRED_PLACEHOLDER).append('\n');
            } else {
                file.append('#')
                        .append(name)
                        .append('=')
                        .append(propertyValue(key))
                        .append('\n');
            }
        }
        return file.toString();
    }

    /** The definition of every shared key, in the order {@link SharedKeys#names()} gives them. */
    public static ConfigDef sharedDefinition() {
        return SharedKeys.define(new ConfigDef(), SharedKeys.names().toArray(String[]::new));
    }

    /** An app's own keys (those under its namespace), in the order of its definition. */
    public static List<String> ownKeys(ConfigDef definition, String namespace) {
        return definition.names().stream()
                .filter(key -> key.startsWith(namespace))
                .toList();
    }

    private static ConfigKey keyOf(ConfigDef definition, String name) {
        ConfigKey key = definition.configKeys().get(name);
        if (key == null) {
            throw new IllegalArgumentException("not defined: " + name);
        }
        return key;
    }

    private static String defaultOf(ConfigKey key) {
        if (key.defaultValue == ConfigDef.NO_DEFAULT_VALUE) {
            return "required";
        }
        String value = propertyValue(key);
        return value.isEmpty() ? "empty" : "`" + value + "`";
    }

    private static String propertyValue(ConfigKey key) {
        Object value = key.defaultValue;
        if (value == null) {
            return "";
        }
        if (key.type == Type.PASSWORD) {
            return "";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }

    private static String validValuesOf(ConfigKey key) {
        return key.validator == null ? key.type.name().toLowerCase(Locale.ROOT) : key.validator.toString();
    }

    private static String validValuesNote(ConfigKey key) {
        return key.validator == null ? "" : " Valid values: " + key.validator + ".";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
