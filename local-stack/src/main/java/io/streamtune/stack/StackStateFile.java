package io.streamtune.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Remembers the ports a stack was started with ({@code <data dir>/run/stack.properties}), so that a
 * later {@code status} or {@code down} on the same data folder checks the right endpoints without the
 * user repeating the ports.
 */
public final class StackStateFile {

    private StackStateFile() {}

    static Path location(Path dataDir) {
        return dataDir.resolve("run/stack.properties");
    }

    /** Records the ports of a stack that is being started. */
    public static void save(StackConfig config) {
        Properties properties = new Properties();
        properties.setProperty(StackConfig.KAFKA_PORT, Integer.toString(config.kafkaPort()));
        properties.setProperty(StackConfig.CONTROLLER_PORT, Integer.toString(config.controllerPort()));
        properties.setProperty(StackConfig.REGISTRY_PORT, Integer.toString(config.registryPort()));
        Path file = location(config.dataDir());
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "Ports of the local stack in this folder");
            }
        } catch (IOException e) {
            throw new StackException("Cannot write " + file, e);
        }
    }

    /** The configuration with the recorded ports when this data folder has a record, unchanged otherwise. */
    public static StackConfig restore(StackConfig config) {
        Path file = location(config.dataDir());
        if (!Files.isRegularFile(file)) {
            return config;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return config.withKafkaPorts(
                            port(properties, StackConfig.KAFKA_PORT, config.kafkaPort()),
                            port(properties, StackConfig.CONTROLLER_PORT, config.controllerPort()))
                    .withRegistryPort(port(properties, StackConfig.REGISTRY_PORT, config.registryPort()));
        } catch (IOException | NumberFormatException e) {
            throw new StackException("Cannot read " + file + "; delete it if the stack is not running", e);
        }
    }

    private static int port(Properties properties, String key, int fallback) {
        String value = properties.getProperty(key);
        return value == null ? fallback : Integer.parseInt(value.trim());
    }
}
