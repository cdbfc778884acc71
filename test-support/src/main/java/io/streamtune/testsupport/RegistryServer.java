package io.streamtune.testsupport;

import io.streamtune.stack.LocalRegistry;
import io.streamtune.stack.Ports;
import io.streamtune.stack.StackConfig;
import io.streamtune.stack.StackException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real schema registry (Hortonworks, Confluent API) as a child process of the test JVM, on a free
 * port, with its configuration and log in a temporary folder that is deleted when it stops.
 */
final class RegistryServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryServer.class);
    private static final int ATTEMPTS = 3;

    private final LocalRegistry registry;
    private final Path dataDir;

    private RegistryServer(LocalRegistry registry, Path dataDir) {
        this.registry = registry;
        this.dataDir = dataDir;
    }

    /**
     * Starts the registry and waits until it answers. A free port can be taken by another process
     * between choosing and binding it; then the server exits at once and another port is tried.
     */
    static RegistryServer start() {
        long started = System.nanoTime();
        OrphanedRegistries.reap(Path.of(System.getProperty("java.io.tmpdir")));
        for (int attempt = 1; ; attempt++) {
            Path dir = createDataDir();
            RegistryServer server = new RegistryServer(new LocalRegistry(config(dir)), dir);
            try {
                server.registry.awaitHealthy(server.registry.launch(false));
                LOG.info("Schema registry ready in {} ms", (System.nanoTime() - started) / 1_000_000);
                return server;
            } catch (StackException e) {
                boolean portRace = e.getMessage().contains("already in use");
                server.close();
                if (!portRace || attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.warn("Schema registry lost its port to another process; retrying on a new one");
            }
        }
    }

    String url() {
        return registry.url();
    }

    @Override
    public void close() {
        registry.process().stop(Duration.ofSeconds(10));
        TempFolders.deleteRecursively(dataDir);
    }

    private static StackConfig config(Path dir) {
        return StackConfig.fromEnvironment().withDataDir(dir).withRegistryPort(Ports.freePort());
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory(OrphanedRegistries.PREFIX);
        } catch (IOException e) {
            throw new StackException("Cannot create a temporary folder for the schema registry", e);
        }
    }
}
