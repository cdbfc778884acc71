package io.streamtune.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The local stack as one thing: a KRaft broker and a schema registry, started together, checked
 * together, stopped together. Starting is idempotent: a server whose pid file names a live process is
 * left running.
 */
public final class LocalStack {

    private static final Duration BROKER_GRACE = Duration.ofSeconds(60);
    private static final Duration REGISTRY_GRACE = Duration.ofSeconds(20);

    private final StackConfig config;
    private final LocalBroker broker;
    private final LocalRegistry registry;

    public LocalStack(StackConfig config) {
        this.config = config;
        this.broker = new LocalBroker(config);
        this.registry = new LocalRegistry(config);
    }

    public StackConfig config() {
        return config;
    }

    public StackEndpoints endpoints() {
        return new StackEndpoints(broker.bootstrapServers(), registry.url());
    }

    /**
     * Starts whichever server is not running and waits until both are healthy. A detached stack keeps
     * running after this JVM exits; stop it with {@link #stop()}. On failure, what this call launched
     * is stopped again and the exception carries the failing server's log tail.
     */
    public StackEndpoints start(boolean detached) {
        Optional<ProcessHandle> runningBroker = broker.process().running();
        Optional<ProcessHandle> runningRegistry = registry.process().running();
        if (runningBroker.isEmpty()) {
            Ports.requireFree(config.kafkaPort(), "Kafka broker", StackConfig.KAFKA_PORT);
            Ports.requireFree(config.controllerPort(), "Kafka controller", StackConfig.CONTROLLER_PORT);
        }
        if (runningRegistry.isEmpty()) {
            Ports.requireFree(config.registryPort(), "schema registry", StackConfig.REGISTRY_PORT);
        }
        List<ServerProcess> launched = new ArrayList<>();
        StackStateFile.save(config);
        try {
            ProcessHandle brokerHandle =
                    runningBroker.orElseGet(() -> launch(launched, broker.process(), () -> broker.launch(detached)));
            ProcessHandle registryHandle = runningRegistry.orElseGet(
                    () -> launch(launched, registry.process(), () -> registry.launch(detached)));
            broker.awaitHealthy(brokerHandle);
            registry.awaitHealthy(registryHandle);
            return endpoints();
        } catch (RuntimeException e) {
            launched.forEach(process -> process.stop(Duration.ofSeconds(10)));
            throw e;
        }
    }

    /** Creates the topics that do not exist yet; returns the names it created. */
    public List<String> ensureTopics(Collection<TopicRequest> topics) {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            return TopicCreator.ensure(admin, topics);
        }
    }

    /** Stops both servers (registry first); returns whether anything was running. */
    public boolean stop() {
        boolean registryStopped = registry.process().stop(REGISTRY_GRACE);
        boolean brokerStopped = broker.process().stop(BROKER_GRACE);
        return registryStopped || brokerStopped;
    }

    /** The state of each server, from its pid file and its health check. */
    public List<ServerStatus> status() {
        return List.of(
                status(broker.process(), broker::isHealthy, broker.bootstrapServers()),
                status(registry.process(), registry::isHealthy, registry.url()));
    }

    private static ServerStatus status(ServerProcess process, BooleanSupplier health, String endpoint) {
        Optional<ProcessHandle> handle = process.running();
        OptionalLong pid = handle.map(h -> OptionalLong.of(h.pid())).orElseGet(OptionalLong::empty);
        return new ServerStatus(process.name(), pid, handle.isPresent() && health.getAsBoolean(), endpoint);
    }

    private static ProcessHandle launch(
            List<ServerProcess> launched, ServerProcess process, Supplier<ProcessHandle> start) {
        ProcessHandle handle = start.get();
        launched.add(process);
        return handle;
    }
}
