package io.streamtune.review.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** An annotator using the workbench's HTTP API, as the page does: a session cookie and the CSRF header. */
final class ReviewClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status and JSON body (null when empty). */
    record Answer(int status, JsonNode body) {}

    private final String base;
    private final HttpClient http;
    private String csrf;

    ReviewClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Logs in; returns where the server redirected to. */
    String login(String user, String password) throws IOException, InterruptedException {
        String form = "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        if (location.endsWith("/index.html")) {
            csrf = get("/api/me").body().get("csrf").asText();
        }
        return location;
    }

    Answer get(String path) throws IOException, InterruptedException {
        return answer(http.send(
                HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    Answer next() throws IOException, InterruptedException {
        return get("/api/next");
    }

    Answer decide(String eventId, String label) throws IOException, InterruptedException {
        return post("/api/decide", Map.of("eventId", eventId, "label", label));
    }

    Answer skip(String eventId) throws IOException, InterruptedException {
        return post("/api/skip", Map.of("eventId", eventId));
    }

    Answer undo() throws IOException, InterruptedException {
        return post("/api/undo", Map.of());
    }

    Answer post(String path, Object body) throws IOException, InterruptedException {
        return post(path, JSON.writeValueAsString(body), csrf);
    }

    Answer post(String path, String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-CSRF-Token", token);
        }
        return answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    String text(String path) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** Waits until the workbench has read its state and gives items. */
    Answer nextWhenReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Answer answer = next();
            if (answer.status() != 503 || System.nanoTime() > deadline) {
                return answer;
            }
            Thread.sleep(200);
        }
    }

    private static Answer answer(HttpResponse<String> response) throws IOException {
        String body = response.body();
        return new Answer(response.statusCode(), body == null || body.isEmpty() ? null : JSON.readTree(body));
    }
}
