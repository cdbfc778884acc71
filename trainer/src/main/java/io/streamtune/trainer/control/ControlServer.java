package io.streamtune.trainer.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP on one port: {@code POST /rounds} asks for a round now (202), {@code GET /health} answers 200 while the
 * trainer is healthy and 503 otherwise, {@code GET /metrics} gives the metrics in Prometheus' text format. With a
 * rounds token, {@code POST /rounds} needs {@code Authorization: Bearer <token>} (401 otherwise); health and metrics
 * stay open for probes and scrapers. Uses the JDK's built-in server: no extra dependency.
 */
public final class ControlServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String PLAIN_TEXT = "text/plain; charset=utf-8";

    private final HttpServer server;

    /**
     * Starts serving.
     *
     * @param host the address to bind, e.g. 127.0.0.1
     * @param port the port, 0 for any free one
     * @param roundsToken the bearer token {@code POST /rounds} requires; empty for none
     * @param requestRound called on {@code POST /rounds}
     * @param healthy answers {@code GET /health}
     * @param metrics answers {@code GET /metrics} (Prometheus text, see {@link PrometheusText})
     */
    public ControlServer(
            String host,
            int port,
            Optional<String> roundsToken,
            Runnable requestRound,
            BooleanSupplier healthy,
            Supplier<String> metrics)
            throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/rounds", exchange -> {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, PLAIN_TEXT, "use POST\n");
                return;
            }
            if (roundsToken.isPresent() && !BearerToken.matches(exchange, roundsToken.get())) {
                LOG.warn("Refused a round request without the right token from {}", exchange.getRemoteAddress());
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                respond(exchange, 401, PLAIN_TEXT, "a bearer token is required\n");
                return;
            }
            requestRound.run();
            LOG.info("Round requested over HTTP from {}", exchange.getRemoteAddress());
            respond(exchange, 202, PLAIN_TEXT, "round requested\n");
        });
        server.createContext("/health", exchange -> {
            boolean ok = healthy.getAsBoolean();
            respond(exchange, ok ? 200 : 503, PLAIN_TEXT, ok ? "ok\n" : "unhealthy\n");
        });
        server.createContext("/metrics", exchange -> respond(exchange, 200, PROMETHEUS_TEXT, metrics.get()));
        server.start();
        LOG.info("Control server listening on {}", server.getAddress());
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
