package io.streamtune.runtime.config;

import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** A model name is used in topic keys, transactional ids and folder names: letters, digits, '.', '_', '-'. */
public final class ModelNameValidator implements ConfigDef.Validator {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    @Override
    public void ensureValid(String name, Object value) {
        if (!(value instanceof String text) || !VALID.matcher(text).matches()) {
            throw new ConfigException(name, value, "must match " + VALID.pattern());
        }
    }

    @Override
    public String toString() {
        return VALID.pattern();
    }
}
