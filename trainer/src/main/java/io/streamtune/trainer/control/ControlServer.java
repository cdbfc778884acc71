package io.streamtune.trainer.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP on one port: {@code POST /rounds} asks for a round now (202), {@code GET /health} answers 200 while the
 * trainer is healthy and 503 otherwise. Uses the JDK's built-in server: no extra dependency.
 */
public final class ControlServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);

    private final HttpServer server;

    /**
     * Starts serving.
     *
     * @param host the address to bind, e.g. 127.0.0.1
     * @param port the port, 0 for any free one
     * @param requestRound called on {@code POST /rounds}
     * @param healthy answers {@code GET /health}
     */
    public ControlServer(String host, int port, Runnable requestRound, BooleanSupplier healthy) throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/rounds", exchange -> {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "use POST\n");
                return;
            }
            requestRound.run();
            LOG.info("Round requested over HTTP from {}", exchange.getRemoteAddress());
            respond(exchange, 202, "round requested\n");
        });
        server.createContext("/health", exchange -> {
            boolean ok = healthy.getAsBoolean();
            respond(exchange, ok ? 200 : 503, ok ? "ok\n" : "unhealthy\n");
        });
        server.start();
        LOG.info("Control server listening on {}", server.getAddress());
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
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
