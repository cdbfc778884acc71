package io.streamtune.runtime.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** At least two distinct, non-blank labels. */
public final class LabelsValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        if (!(value instanceof List<?> labels) || labels.size() < 2) {
            throw new ConfigException(name, value, "needs at least two labels");
        }
        Set<String> seen = new HashSet<>();
        for (Object label : labels) {
            String text = String.valueOf(label).trim();
            if (text.isEmpty()) {
                throw new ConfigException(name, value, "a label is blank");
            }
            if (!seen.add(text)) {
                throw new ConfigException(name, value, "label " + text + " appears twice");
            }
        }
    }

    @Override
    public String toString() {
        return "at least two distinct non-blank labels";
    }
}
