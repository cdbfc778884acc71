package io.streamtune.runtime.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts {@code http://} and {@code https://} URLs with a host. */
public final class HttpUrlValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        if (!(value instanceof String url) || !url.matches("https?://[^/\\s]+.*")) {
            throw new ConfigException(name, value, "must be an http:// or https:// URL with a host");
        }
    }

    @Override
    public String toString() {
        return "http(s)://host[:port][/path]";
    }
}
