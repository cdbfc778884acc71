package io.streamtune.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person using {@code demo --review} as the demo tells them to: reads the address and login from what the demo
 * printed, logs in, and labels items as the page offers them (confirming the prediction of every other item,
 * choosing the other label for the rest). Runs beside the demo; the demo's output goes through {@link #watch}.
 */
final class PersonOnTheReviewPage implements Runnable {

    private static final Pattern INVITATION =
            Pattern.compile("Review page: (http://127\\.0\\.0\\.1:\\d+)/ \\(user (\\S+), password (\\S+)\\)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final int labels;
    private final Map<String, String> labelled = new ConcurrentHashMap<>();
    private volatile String failure = "";
    private volatile boolean stopped;

    PersonOnTheReviewPage(int labels) {
        this.labels = labels;
    }

    /** The demo's output, copied to {@code out} and read by the person. */
    OutputStream watch(OutputStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                synchronized (printed) {
                    printed.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
                synchronized (printed) {
                    printed.write(bytes, offset, length);
                }
            }
        };
    }

    /** Event id to the label the person sent. */
    Map<String, String> labelled() {
        return Map.copyOf(labelled);
    }

    /** Why the person could not label, empty when nothing went wrong. */
    String failure() {
        return failure;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        try {
            Matcher invitation = awaitInvitation();
            if (invitation == null) {
                return;
            }
            Page page = new Page(invitation.group(1));
            page.login(invitation.group(2), invitation.group(3));
            while (!stopped && labelled.size() < labels) {
                HttpResponse<String> next = page.get("/api/next");
                if (next.statusCode() != 200) {
                    Thread.sleep(300);
                    continue;
                }
                JsonNode item = JSON.readTree(next.body());
                String eventId = item.get("eventId").asText();
                String predicted = item.get("predicted").asText();
                String label = labelled.size() % 2 == 0 ? predicted : other(item, predicted);
                HttpResponse<String> decided = page.post("/api/decide", Map.of("eventId", eventId, "label", label));
                if (decided.statusCode() != 200) {
                    failure = "decide answered " + decided.statusCode() + ": " + decided.body();
                    return;
                }
                labelled.put(eventId, label);
            }
        } catch (IOException | RuntimeException e) {
            failure = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Matcher awaitInvitation() throws InterruptedException {
        while (!stopped) {
            String text;
            synchronized (printed) {
                text = printed.toString(StandardCharsets.UTF_8);
            }
            Matcher matcher = INVITATION.matcher(text);
            if (matcher.find()) {
                return matcher;
            }
            Thread.sleep(200);
        }
        failure = "the demo never printed the review page's address";
        return null;
    }

    private static String other(JsonNode item, String predicted) {
        for (JsonNode score : item.get("scores")) {
            String label = score.get("label").asText();
            if (!label.equals(predicted)) {
                return label;
            }
        }
        return predicted;
    }

    /** The page's HTTP API as the browser uses it: a session cookie and the CSRF header. */
    private static final class Page {
        private final String base;
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        private String csrf = "";

        Page(String base) {
            this.base = base;
        }

        void login(String user, String password) throws IOException, InterruptedException {
            String form = "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = response.headers().firstValue("Location").orElse("");
            if (!location.endsWith("/index.html")) {
                throw new IllegalStateException("login with the printed password was refused: " + location);
            }
            csrf = JSON.readTree(get("/api/me").body()).get("csrf").asText();
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/json")
                            .header("X-CSRF-Token", csrf)
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
