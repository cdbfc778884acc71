package io.streamtune.trainer.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.runtime.ops.MetricsPage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ControlServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldRequestRoundOnPostAndReportHealth() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        AtomicBoolean healthy = new AtomicBoolean(true);
        try (ControlServer server = new ControlServer(
                "127.0.0.1", 0, Optional.empty(), requests::incrementAndGet, healthy::get, () -> "")) {
            String base = "http://127.0.0.1:" + server.port();

            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/rounds"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build()))
                    .isEqualTo(202);
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/rounds"))
                            .GET()
                            .build()))
                    .isEqualTo(405);
            assertThat(requests).hasValue(1);
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/health"))
                            .GET()
                            .build()))
                    .isEqualTo(200);
            healthy.set(false);
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/health"))
                            .GET()
                            .build()))
                    .isEqualTo(503);
        }
    }

    @Test
    void shouldRefuseARoundRequestWithoutTheTokenWhenOneIsSet() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (ControlServer server = new ControlServer(
                "127.0.0.1", 0, Optional.of("s3cret"), requests::incrementAndGet, () -> true, () -> "")) {
            String rounds = "http://127.0.0.1:" + server.port() + "/rounds";

            assertThat(send(post(rounds).build())).isEqualTo(401);
            assertThat(send(post(rounds).header("Authorization", "Bearer wrong").build()))
                    .isEqualTo(401);
            assertThat(send(post(rounds).header("Authorization", "Basic s3cret").build()))
                    .isEqualTo(401);
            assertThat(requests).hasValue(0);
            assertThat(send(post(rounds)
                            .header("Authorization", "Bearer s3cret")
                            .build()))
                    .isEqualTo(202);
            assertThat(requests).hasValue(1);
            assertThat(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                            .GET()
                            .build()))
                    .isEqualTo(200);
        }
    }

    private static HttpRequest.Builder post(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).POST(HttpRequest.BodyPublishers.noBody());
    }

    @Test
    void shouldServeMetricsAsPrometheusText() throws Exception {
        String page = new MetricsPage()
                .counter("x_total", "Things.", Map.of(), 3)
                .gauge("y", "Unknown yet.", Map.of(), Double.NaN)
                .gauge("z", "A fraction.", Map.of(), 0.25)
                .render();
        try (ControlServer server =
                new ControlServer("127.0.0.1", 0, Optional.empty(), () -> {}, () -> true, () -> page)) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
            assertThat(response.body())
                    .isEqualTo("# HELP x_total Things.\n# TYPE x_total counter\nx_total 3.0\n"
                            + "# HELP y Unknown yet.\n# TYPE y gauge\ny NaN\n"
                            + "# HELP z A fraction.\n# TYPE z gauge\nz 0.25\n");
        }
    }

    private int send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
