package io.streamtune.trainer.config;

import io.streamtune.model.device.DeviceRequest;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** What {@link DeviceRequest#parse} accepts: {@code auto}, {@code cpu} or {@code gpu:N}. */
final class DeviceNameValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        try {
            DeviceRequest.parse((String) value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return DeviceRequest.VALUES;
    }
}
