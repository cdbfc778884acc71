package io.streamtune.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where and on which ports the local stack runs. {@link #fromEnvironment()} reads every value from a
 * system property or its environment variable (see {@link Settings}) and falls back to the defaults:
 *
 * <ul>
 *   <li>{@code streamtune.stack.dir}: data, logs and pid files; default {@code <repo>/.streamtune}
 *   <li>{@code streamtune.kafka.port} (9092) and {@code streamtune.kafka.controller.port} (9093)
 *   <li>{@code streamtune.registry.port} (8081)
 *   <li>{@code streamtune.broker.classpath}: default {@code <repo>/local-stack/broker-runtime/target/runtime.classpath}
 *   <li>{@code streamtune.registry.classpath}: default {@code <repo>/local-stack/registry-runtime/target/runtime.classpath}
 *   <li>{@code streamtune.stack.timeout.seconds} (120): how long start-up may take
 * </ul>
 *
 * @param dataDir the folder that holds everything the stack writes
 * @param kafkaPort the broker's client port
 * @param controllerPort the KRaft controller's port
 * @param registryPort the schema registry's HTTP port
 * @param brokerClasspath the file listing the broker's classpath
 * @param registryClasspath the file listing the registry's classpath
 * @param startTimeout how long to wait for a server to become healthy
 */
public record StackConfig(
        Path dataDir,
        int kafkaPort,
        int controllerPort,
        int registryPort,
        Path brokerClasspath,
        Path registryClasspath,
        Duration startTimeout) {

    public static final String DATA_DIR = "streamtune.stack.dir";
    public static final String KAFKA_PORT = "streamtune.kafka.port";
    public static final String CONTROLLER_PORT = "streamtune.kafka.controller.port";
    public static final String REGISTRY_PORT = "streamtune.registry.port";
    public static final String BROKER_CLASSPATH = "streamtune.broker.classpath";
    public static final String REGISTRY_CLASSPATH = "streamtune.registry.classpath";
    public static final String TIMEOUT_SECONDS = "streamtune.stack.timeout.seconds";

    public StackConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(brokerClasspath, "brokerClasspath");
        Objects.requireNonNull(registryClasspath, "registryClasspath");
        Objects.requireNonNull(startTimeout, "startTimeout");
        requirePort(kafkaPort, KAFKA_PORT);
        requirePort(controllerPort, CONTROLLER_PORT);
        requirePort(registryPort, REGISTRY_PORT);
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** The configuration from system properties and environment variables, defaults for the rest. */
    public static StackConfig fromEnvironment() {
        LazyRoot root = new LazyRoot();
        return new StackConfig(
                path(DATA_DIR, root, ".streamtune"),
                Settings.intValue(KAFKA_PORT, 9092),
                Settings.intValue(CONTROLLER_PORT, 9093),
                Settings.intValue(REGISTRY_PORT, 8081),
                path(BROKER_CLASSPATH, root, RuntimeClasspath.BROKER_DEFAULT),
                path(REGISTRY_CLASSPATH, root, RuntimeClasspath.REGISTRY_DEFAULT),
                Duration.ofSeconds(Settings.intValue(TIMEOUT_SECONDS, 120)));
    }

    public StackConfig withDataDir(Path dir) {
        return new StackConfig(
                dir, kafkaPort, controllerPort, registryPort, brokerClasspath, registryClasspath, startTimeout);
    }

    public StackConfig withKafkaPorts(int port, int controller) {
        return new StackConfig(
                dataDir, port, controller, registryPort, brokerClasspath, registryClasspath, startTimeout);
    }

    public StackConfig withRegistryPort(int port) {
        return new StackConfig(
                dataDir, kafkaPort, controllerPort, port, brokerClasspath, registryClasspath, startTimeout);
    }

    public StackConfig withStartTimeout(Duration timeout) {
        return new StackConfig(
                dataDir, kafkaPort, controllerPort, registryPort, brokerClasspath, registryClasspath, timeout);
    }

    private static Path path(String property, LazyRoot root, String relativeDefault) {
        return Settings.lookup(property).map(Path::of).orElseGet(() -> root.get()
                .resolve(relativeDefault));
    }

    private static void requirePort(int port, String property) {
        if (port < 1 || port > 65_535) {
            throw new StackException(
                    property + " / " + Settings.environmentName(property) + " must be a port number, was " + port);
        }
    }

    /** Locates the repository only when a default actually needs it. */
    private static final class LazyRoot implements Supplier<Path> {
        private Path root;

        @Override
        public Path get() {
            if (root == null) {
                root = RepositoryRoot.locate();
            }
            return root;
        }
    }
}
