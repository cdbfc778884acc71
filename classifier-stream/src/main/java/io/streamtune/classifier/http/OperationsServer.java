package io.streamtune.classifier.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoint for operators and orchestrators:
 *
 * <ul>
 *   <li>{@code GET /health/live}: 200 while the process runs;
 *   <li>{@code GET /health/ready}: 200 when a model is loaded and Kafka Streams is RUNNING, else 503;
 *   <li>{@code GET /model}: the instance id and the model version it serves, as JSON;
 *   <li>{@code GET /metrics}: Prometheus text.
 * </ul>
 */
public final class OperationsServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OperationsServer.class);

    private final HttpServer server;

    private OperationsServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts the server on all interfaces.
     *
     * @param port the port, 0 for any free one
     * @param ready whether the instance can serve
     * @param model the {@code /model} JSON
     * @param metrics the {@code /metrics} text
     */
    public static OperationsServer start(
            int port, BooleanSupplier ready, Supplier<String> model, Supplier<String> metrics) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "operations-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/health/live", exchange -> send(exchange, 200, "text/plain", "live\n"));
        server.createContext("/health/ready", exchange -> {
            boolean isReady = ready.getAsBoolean();
            send(exchange, isReady ? 200 : 503, "text/plain", isReady ? "ready\n" : "not ready\n");
        });
        server.createContext("/model", exchange -> send(exchange, 200, "application/json", model.get()));
        server.createContext(
                "/metrics", exchange -> send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
        server.start();
        log.info("operations endpoint on port {}", server.getAddress().getPort());
        return new OperationsServer(server);
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (RuntimeException e) {
            log.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            throw e;
        }
    }
}
