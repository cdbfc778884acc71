package io.streamtune.stack;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads one setting from a system property, then from the environment variable of the same name in
 * upper case with dots as underscores ({@code streamtune.kafka.port} is {@code STREAMTUNE_KAFKA_PORT}).
 */
final class Settings {

    private Settings() {}

    static Optional<String> lookup(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentName(property));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    static int intValue(String property, int defaultValue) {
        Optional<String> value = lookup(property);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new StackException(
                    property + " / " + environmentName(property) + " must be a number, was '" + value.get() + "'", e);
        }
    }

    static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
