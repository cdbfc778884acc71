package io.streamtune.testsupport;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The one broker and registry of this test JVM: started on first use (both at once), stopped by
 * JUnit at the end of the run or by a shutdown hook, whichever comes first.
 */
final class SharedStack implements AutoCloseable {

    /** {@code in-process} or {@code container} forces a broker kind; unset means Docker if present. */
    static final String BROKER_PROPERTY = "streamtune.test.broker";

    private static final Logger LOG = LoggerFactory.getLogger(SharedStack.class);
    private static SharedStack instance;

    private final Broker broker;
    private final RegistryServer registry;
    private final Admin admin;
    private volatile boolean closed;

    private SharedStack(Broker broker, RegistryServer registry) {
        this.broker = broker;
        this.registry = registry;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    /** The running stack, started now if this is the first call of the JVM (or the last was closed). */
    static synchronized SharedStack get() {
        if (instance == null || instance.closed) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "streamtune-test-stack-stop"));
        }
        return instance;
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    String schemaRegistryUrl() {
        return registry.url();
    }

    Admin admin() {
        return admin;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        admin.close(Duration.ofSeconds(5));
        registry.close();
        broker.close();
        LOG.info("Test stack stopped");
    }

    private static SharedStack start() {
        long started = System.nanoTime();
        CompletableFuture<RegistryServer> registry = CompletableFuture.supplyAsync(RegistryServer::start);
        Broker broker;
        try {
            long brokerStarted = System.nanoTime();
            broker = startBroker();
            LOG.info("Broker ({}) ready in {} ms", broker.kind(), (System.nanoTime() - brokerStarted) / 1_000_000);
        } catch (RuntimeException e) {
            registry.thenAccept(RegistryServer::close);
            throw e;
        }
        try {
            SharedStack stack = new SharedStack(broker, registry.join());
            LOG.info(
                    "Test stack up in {} ms: broker {} at {}, schema registry at {}",
                    (System.nanoTime() - started) / 1_000_000,
                    broker.kind(),
                    stack.bootstrapServers(),
                    stack.schemaRegistryUrl());
            return stack;
        } catch (CompletionException e) {
            broker.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static Broker startBroker() {
        String choice = System.getProperty(BROKER_PROPERTY, "");
        boolean container =
                switch (choice) {
                    case "container" -> true;
                    case "in-process" -> false;
                    case "" -> DockerClientFactory.instance().isDockerAvailable();
                    default ->
                        throw new IllegalArgumentException(
                                BROKER_PROPERTY + " must be 'container' or 'in-process', was '" + choice + "'");
                };
        return container ? ContainerBroker.start() : InProcessBroker.start();
    }
}
