package io.streamtune.classifier.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Validators of {@link ClassifierConfig} values that Kafka's {@link ConfigDef} does not have. */
final class ConfigValidators {

    private ConfigValidators() {}

    /** Accepts what {@link Device#parse} accepts. */
    static final class DeviceName implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                Device.parse((String) value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "auto, cpu, gpu:N";
        }
    }
}
