package io.streamtune.runtime.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations HTTP endpoint of a Streamtune app, on the JDK's own HTTP server (a handful of small answers need no
 * servlet container):
 *
 * <ul>
 *   <li>{@code GET /health/live}: 200 while the process runs;
 *   <li>{@code GET /health/ready}: 200 when the app can serve, else 503;
 *   <li>{@code GET /status}: the app's status as JSON;
 *   <li>{@code GET /metrics}: Prometheus text ({@link MetricsPage});
 *   <li>and the app's own routes ({@link Builder#route}), exact paths, and prefix routes ({@link
 *       Builder#prefixRoute}) that answer every path under a prefix themselves (path templates such as {@code
 *       /v2/models/{name}/infer}).
 * </ul>
 *
 * An exact route asked with another method answers 405 with {@code Allow}. Requests are served by one thread unless
 * {@link Builder#threads} gives more (an app whose routes block, e.g. on a model, wants several).
 */
public final class OperationsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsServer.class);
    private static final String PLAIN_TEXT = "text/plain; charset=utf-8";
    private static final String JSON = "application/json";

    private final HttpServer server;
    private final ExecutorService executor;

    private OperationsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** An answer: status, content type, body, and extra headers. */
    public record Response(int status, String contentType, String body, Map<String, String> headers) {

        public static Response text(int status, String body) {
            return new Response(status, PLAIN_TEXT, body, Map.of());
        }

        public static Response json(String body) {
            return json(200, body);
        }

        public static Response json(int status, String body) {
            return new Response(status, JSON, body, Map.of());
        }

        /** The same answer with one more header. */
        public Response withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Response(status, contentType, body, Map.copyOf(more));
        }
    }

    /** Answers one request of a route. */
    @FunctionalInterface
    public interface Route {
        Response answer(HttpExchange exchange) throws IOException;
    }

    /**
     * Collects the endpoint of one app.
     *
     * @param app the app's name, for the thread and the log line
     */
    public static Builder builder(String app) {
        return new Builder(app);
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** The endpoint's address, the standard answers and the app's own routes. */
    public static final class Builder {

        private final String app;
        private final Map<String, Map<String, Route>> routes = new LinkedHashMap<>();
        private final Map<String, Route> prefixRoutes = new LinkedHashMap<>();
        private String host = "0.0.0.0";
        private int port;
        private int threads = 1;

        private Builder(String app) {
            this.app = app;
            readiness(() -> true).status(() -> "{}").metrics(() -> "");
            route("GET", "/health/live", exchange -> Response.text(200, "live\n"));
        }

        /** The address to bind; all interfaces unless set. */
        public Builder host(String address) {
            this.host = address;
            return this;
        }

        /** The port; 0 for any free one. */
        public Builder port(int number) {
            this.port = number;
            return this;
        }

        /** What {@code GET /health/ready} answers. */
        public Builder readiness(BooleanSupplier ready) {
            return route(
                    "GET",
                    "/health/ready",
                    exchange ->
                            ready.getAsBoolean() ? Response.text(200, "ready\n") : Response.text(503, "not ready\n"));
        }

        /** The JSON of {@code GET /status}. */
        public Builder status(Supplier<String> json) {
            return route("GET", "/status", exchange -> Response.json(json.get()));
        }

        /** The Prometheus text of {@code GET /metrics}. */
        public Builder metrics(Supplier<String> text) {
            return route(
                    "GET", "/metrics", exchange -> new Response(200, MetricsPage.CONTENT_TYPE, text.get(), Map.of()));
        }

        /** An app's own route; a later route for the same method and path replaces the earlier one. */
        public Builder route(String method, String path, Route route) {
            routes.computeIfAbsent(path, key -> new LinkedHashMap<>()).put(method, route);
            return this;
        }

        /**
         * A route for every path that starts with {@code prefix} (which ends with {@code /}); the route checks the
         * method and the rest of the path itself. An exact route for a path under the prefix still wins.
         */
        public Builder prefixRoute(String prefix, Route route) {
            if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
                throw new IllegalArgumentException("a route prefix starts and ends with '/': " + prefix);
            }
            prefixRoutes.put(prefix, route);
            return this;
        }

        /** How many requests are served at once; 1 unless set. */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("at least one thread serves requests, not " + count);
            }
            this.threads = count;
            return this;
        }

        /** Binds and starts serving. */
        public OperationsServer start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            AtomicInteger started = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, app + "-operations-http-" + started.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            routes.forEach((path, byMethod) -> server.createContext(path, exchange -> serve(exchange, path, byMethod)));
            prefixRoutes.forEach(
                    (prefix, route) -> server.createContext(prefix, exchange -> servePrefix(exchange, route)));
            server.start();
            LOG.info("{}: operations endpoint on {}", app, server.getAddress());
            return new OperationsServer(server, executor);
        }

        private static void serve(HttpExchange exchange, String path, Map<String, Route> byMethod) throws IOException {
            try (exchange) {
                Route route = byMethod.get(exchange.getRequestMethod());
                Response response = !exchange.getRequestURI().getPath().equals(path)
                        ? Response.text(404, "not found\n")
                        : route == null
                                ? new Response(
                                        405,
                                        PLAIN_TEXT,
                                        "use " + String.join(" or ", byMethod.keySet()) + "\n",
                                        Map.of("Allow", String.join(", ", byMethod.keySet())))
                                : route.answer(exchange);
                send(exchange, response);
            } catch (RuntimeException e) {
                LOG.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                throw e;
            }
        }

        private static void servePrefix(HttpExchange exchange, Route route) throws IOException {
            try (exchange) {
                send(exchange, route.answer(exchange));
            } catch (RuntimeException e) {
                LOG.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                throw e;
            }
        }

        private static void send(HttpExchange exchange, Response response) throws IOException {
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            response.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }
}
