package io.streamtune.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Hortonworks Schema Registry 0.9.1 in its own JVM on 127.0.0.1, with in-memory storage and the
 * Confluent-compatible REST API under {@value #CONFLUENT_PATH}. Schemas live as long as the process.
 */
public final class LocalRegistry {

    static final String MAIN_CLASS = "com.hortonworks.registries.webservice.RegistryApplication";
    static final String CONFLUENT_PATH = "/api/v1/confluent";

    private final StackConfig config;
    private final Path home;
    private final ServerProcess process;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public LocalRegistry(StackConfig config) {
        this.config = config;
        this.home = config.dataDir().resolve("registry");
        this.process =
                new ServerProcess("registry", MAIN_CLASS, config.dataDir().resolve("run"), LocalBroker.logDir(config));
    }

    /** The Confluent-compatible base URL, e.g. {@code http://127.0.0.1:8081/api/v1/confluent}. */
    public String url() {
        return "http://" + Ports.HOST + ":" + config.registryPort() + CONFLUENT_PATH;
    }

    public ServerProcess process() {
        return process;
    }

    /** Writes the configuration and launches the registry; returns without waiting for it. */
    public ProcessHandle launch(boolean detached) {
        Ports.requireFree(config.registryPort(), "schema registry", StackConfig.REGISTRY_PORT);
        String classpath = RuntimeClasspath.read(config.registryClasspath(), "registry-runtime");
        Path yaml = writeConfiguration();
        return process.start(
                classpath,
                List.of("-Xmx256m", "-Djava.awt.headless=true"),
                List.of("server", yaml.toString()),
                detached);
    }

    /** Blocks until {@code GET <url>/subjects} answers 200, or throws with the log tail. */
    public void awaitHealthy(ProcessHandle handle) {
        HealthWait.until(process, handle, config.startTimeout(), this::isHealthy);
    }

    /** Whether {@code GET <url>/subjects} answers 200 within two seconds. */
    public boolean isHealthy() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/subjects"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Path writeConfiguration() {
        try {
            Files.createDirectories(home.resolve("jars"));
            Path file = home.resolve("registry.yaml");
            Files.writeString(
                    file, RegistryYaml.render(config.registryPort(), home.resolve("jars")), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new StackException("Cannot write the registry configuration under " + home, e);
        }
    }
}
