package io.streamtune.stack;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a broker needs beyond the local stack's plain defaults, e.g. a SASL_SSL listener: server properties that
 * replace or add to the generated {@code server.properties}, arguments appended to {@code StorageTool format} (such
 * as {@code --add-scram}), and the client settings the health check needs to reach the broker.
 *
 * @param serverProperties keys set in {@code server.properties}, replacing a default of the same key
 * @param formatArguments extra arguments of the storage format run (only used when the storage is formatted)
 * @param clientSettings Kafka client settings added to the health check's admin client
 */
public record BrokerOverrides(
        Map<String, String> serverProperties, List<String> formatArguments, Map<String, Object> clientSettings) {

    /** The plain broker: nothing added. */
    public static final BrokerOverrides NONE = new BrokerOverrides(Map.of(), List.of(), Map.of());

    public BrokerOverrides {
        serverProperties = Map.copyOf(Objects.requireNonNull(serverProperties, "serverProperties"));
        formatArguments = List.copyOf(Objects.requireNonNull(formatArguments, "formatArguments"));
        clientSettings = Map.copyOf(Objects.requireNonNull(clientSettings, "clientSettings"));
    }

    @Override
    public String toString() {
        return "BrokerOverrides[serverProperties=" + serverProperties.keySet() + ", formatArguments="
                + formatArguments.size() + ", clientSettings=" + clientSettings.keySet() + "]";
    }
}
