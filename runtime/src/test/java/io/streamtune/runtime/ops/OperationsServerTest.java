package io.streamtune.runtime.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperationsServerTest {

    private final AtomicBoolean ready = new AtomicBoolean();
    private final AtomicInteger posts = new AtomicInteger();
    private final HttpClient client = HttpClient.newHttpClient();
    private OperationsServer server;

    @BeforeEach
    void start() throws Exception {
        server = OperationsServer.builder("test")
                .host("127.0.0.1")
                .port(0)
                .readiness(ready::get)
                .status(() -> "{\"version\":3}")
                .metrics(() -> new MetricsPage()
                        .gauge("streamtune_version", "Version.", Map.of(), 3)
                        .render())
                .route("POST", "/rounds", exchange -> {
                    posts.incrementAndGet();
                    return OperationsServer.Response.text(202, "requested\n");
                })
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldAnswerLivenessAlwaysAndReadinessAsTheAppSays() throws Exception {
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
        ready.set(true);
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldServeStatusJsonAndPrometheusText() throws Exception {
        HttpResponse<String> status = get("/status");
        HttpResponse<String> metrics = get("/metrics");

        assertThat(status.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(status.body()).isEqualTo("{\"version\":3}");
        assertThat(metrics.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(metrics.body()).contains("# TYPE streamtune_version gauge").contains("streamtune_version 3.0");
    }

    @Test
    void shouldRunAnAppsRouteOnlyForItsMethodAndPath() throws Exception {
        HttpResponse<String> wrongMethod = get("/rounds");
        HttpResponse<String> posted = client.send(
                HttpRequest.newBuilder(uri("/rounds"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
        assertThat(posted.statusCode()).isEqualTo(202);
        assertThat(posts).hasValue(1);
        assertThat(get("/rounds/extra").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRouteEveryPathUnderAPrefixToItsRouteAndLetAnExactRouteWin() throws Exception {
        try (OperationsServer prefixed = OperationsServer.builder("test")
                .host("127.0.0.1")
                .port(0)
                .prefixRoute(
                        "/items/",
                        exchange -> OperationsServer.Response.json(
                                201, "{\"path\":\"" + exchange.getRequestURI().getPath() + "\"}"))
                .route("GET", "/items/special", exchange -> OperationsServer.Response.text(200, "exact\n"))
                .start()) {
            HttpResponse<String> templated = get(prefixed, "/items/a/b/infer");
            HttpResponse<String> exact = get(prefixed, "/items/special");

            assertThat(templated.statusCode()).isEqualTo(201);
            assertThat(templated.body()).isEqualTo("{\"path\":\"/items/a/b/infer\"}");
            assertThat(exact.body()).isEqualTo("exact\n");
            assertThat(get(prefixed, "/other").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void shouldRefuseAPrefixThatIsNotAFolder() {
        assertThatThrownBy(() -> OperationsServer.builder("test").prefixRoute("/items", exchange -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/items");
    }

    @Test
    void shouldServeRequestsConcurrentlyWithSeveralThreads() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        try (OperationsServer concurrent = OperationsServer.builder("test")
                .host("127.0.0.1")
                .port(0)
                .threads(2)
                .route("GET", "/meet", exchange -> {
                    both.countDown();
                    try {
                        return both.await(30, TimeUnit.SECONDS)
                                ? OperationsServer.Response.text(200, "met\n")
                                : OperationsServer.Response.text(504, "alone\n");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return OperationsServer.Response.text(503, "interrupted\n");
                    }
                })
                .start()) {
            URI meet = URI.create("http://127.0.0.1:" + concurrent.port() + "/meet");
            CompletableFuture<HttpResponse<String>> first =
                    client.sendAsync(HttpRequest.newBuilder(meet).build(), HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> second =
                    client.sendAsync(HttpRequest.newBuilder(meet).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(first.get().body()).isEqualTo("met\n");
            assertThat(second.get().body()).isEqualTo("met\n");
        }
    }

    private HttpResponse<String> get(OperationsServer other, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other.port() + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
