package io.streamtune.systemtests.faults;

import io.streamtune.schemas.serde.AvroSerdeConfig;
import io.streamtune.stack.LocalBroker;
import io.streamtune.stack.LocalRegistry;
import io.streamtune.stack.Ports;
import io.streamtune.stack.StackConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * A broker and a registry as separate processes (local-stack) on free ports in a folder of the test, so a test
 * can stop one, kill it or start it again on the same data folder and ports while clients keep running.
 */
final class FaultStack implements AutoCloseable {

    private static final Duration BROKER_GRACE = Duration.ofSeconds(60);
    private static final Duration REGISTRY_GRACE = Duration.ofSeconds(20);

    private final LocalBroker broker;
    private final LocalRegistry registry;

    FaultStack(Path dataDir) {
        StackConfig config = StackConfig.fromEnvironment()
                .withDataDir(dataDir)
                .withKafkaPorts(Ports.freePort(), Ports.freePort())
                .withRegistryPort(Ports.freePort())
                .withStartTimeout(Duration.ofMinutes(2));
        this.broker = new LocalBroker(config);
        this.registry = new LocalRegistry(config);
    }

    FaultStack start() {
        startBroker();
        startRegistry();
        return this;
    }

    void startBroker() {
        broker.awaitHealthy(broker.launch(false));
    }

    /** A clean stop (SIGTERM, the broker's controlled shutdown); returns when the process is gone. */
    void stopBroker() {
        broker.process().stop(BROKER_GRACE);
    }

    /** SIGKILL: no controlled shutdown, no flush; returns when the process is gone. */
    void killBroker() {
        broker.process().running().ifPresent(handle -> {
            handle.destroyForcibly();
            handle.onExit().join();
        });
        broker.process().stop(Duration.ZERO);
    }

    void startRegistry() {
        registry.awaitHealthy(registry.launch(false));
    }

    void stopRegistry() {
        registry.process().stop(REGISTRY_GRACE);
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    String registryUrl() {
        return registry.url();
    }

    /** A new, mutable map with the bootstrap servers and the registry URL. */
    Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl());
        return config;
    }

    @Override
    public void close() {
        registry.process().stop(REGISTRY_GRACE);
        broker.process().stop(BROKER_GRACE);
    }
}
