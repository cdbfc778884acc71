package io.streamtune.classifier.it;

import io.streamtune.classifier.ClassifierApp;
import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The classifier application ({@code ClassifierApp.main}, the production entry point) running as a child JVM on the
 * test classpath, to be killed with SIGKILL.
 */
final class ChildClassifier {

    private final Path configFile;
    private final Path log;
    private final int httpPort;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;

    ChildClassifier(Map<String, String> config, Path folder, String name) throws IOException {
        this.httpPort = freePort();
        Properties properties = new Properties();
        properties.putAll(config);
        properties.put("http.port", String.valueOf(httpPort));
        this.configFile = folder.resolve(name + ".properties");
        this.log = folder.resolve(name + ".log");
        try (Writer out = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
            properties.store(out, "classifier child process " + name);
        }
    }

    void start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                ClassifierApp.class.getName(),
                configFile.toString()));
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = builder.start();
    }

    /** SIGKILL: no shutdown hook, no commit, no goodbye to the group. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean isReady() {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/health/ready"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String model() throws IOException, InterruptedException {
        return get("/model");
    }

    /** The Prometheus text of {@code /metrics}. */
    String metrics() throws IOException, InterruptedException {
        return get("/metrics");
    }

    /** The process id of the running (or last) child. */
    long pid() {
        return process == null ? -1 : process.pid();
    }

    private String get(String path) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    Path log() {
        return log;
    }

    /** A graceful stop (SIGTERM: the shutdown hook closes Kafka Streams). */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
