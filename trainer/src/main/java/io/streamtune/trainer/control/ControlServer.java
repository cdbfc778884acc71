package io.streamtune.trainer.control;

import io.streamtune.runtime.ops.OperationsServer;
import io.streamtune.runtime.ops.OperationsServer.Response;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trainer's routes on the shared operations endpoint ({@link OperationsServer}: {@code /health/live},
 * {@code /health/ready}, {@code /status}, {@code /metrics}): {@code POST /rounds} asks for a round now (202), and
 * {@code GET /health} answers 200 while the trainer is healthy and 503 otherwise (what probes of earlier releases
 * ask). With a rounds token, {@code POST /rounds} needs {@code Authorization: Bearer <token>} (401 otherwise);
 * health, status and metrics stay open for probes and scrapers.
 */
public final class ControlServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);

    private final OperationsServer server;

    /**
     * Starts serving.
     *
     * @param host the address to bind, e.g. 127.0.0.1
     * @param port the port, 0 for any free one
     * @param roundsToken the bearer token {@code POST /rounds} requires; empty for none
     * @param requestRound called on {@code POST /rounds}
     * @param healthy answers {@code GET /health} and {@code GET /health/ready}
     * @param metrics answers {@code GET /metrics} (Prometheus text)
     */
    public ControlServer(
            String host,
            int port,
            Optional<String> roundsToken,
            Runnable requestRound,
            BooleanSupplier healthy,
            Supplier<String> metrics)
            throws IOException {
        this.server = OperationsServer.builder("trainer")
                .host(host)
                .port(port)
                .readiness(healthy)
                .status(() -> "{\"app\":\"trainer\",\"healthy\":" + healthy.getAsBoolean() + "}")
                .metrics(metrics)
                .route(
                        "GET",
                        "/health",
                        exchange ->
                                healthy.getAsBoolean() ? Response.text(200, "ok\n") : Response.text(503, "unhealthy\n"))
                .route("POST", "/rounds", exchange -> {
                    if (roundsToken.isPresent() && !BearerToken.matches(exchange, roundsToken.get())) {
                        LOG.warn(
                                "Refused a round request without the right token from {}", exchange.getRemoteAddress());
                        return new Response(
                                401,
                                "text/plain; charset=utf-8",
                                "a bearer token is required\n",
                                Map.of("WWW-Authenticate", "Bearer"));
                    }
                    requestRound.run();
                    LOG.info("Round requested over HTTP from {}", exchange.getRemoteAddress());
                    return Response.text(202, "round requested\n");
                })
                .start();
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
