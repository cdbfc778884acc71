package io.streamtune.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the registry client: JSON requests with auth, timeouts, failover between base URLs, bounded
 * retries with backoff on no answer or 5xx, and registry error bodies turned into {@link SchemaRegistryException}.
 */
final class RegistryHttp {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final Logger log = LoggerFactory.getLogger(RegistryHttp.class);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final List<URI> baseUrls;
    private final Duration readTimeout;
    private final RetryPolicy retryPolicy;
    private final Optional<String> authorization;
    private final AtomicInteger currentUrl = new AtomicInteger();

    RegistryHttp(RegistryClientConfig config) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.connectTimeout());
        config.trustStore().ifPresent(store -> builder.sslContext(store.toSslContext()));
        this.http = builder.build();
        this.baseUrls = config.baseUrls();
        this.readTimeout = config.readTimeout();
        this.retryPolicy = config.retryPolicy();
        this.authorization = authorizationHeader(config);
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, Object body) {
        try {
            return send("POST", path, json.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write request body for " + path, e);
        }
    }

    private JsonNode send(String method, String path, String body) {
        SchemaRegistryException lastFailure = null;
        for (int attempt = 0; attempt <= retryPolicy.maxRetries(); attempt++) {
            if (attempt > 0) {
                pause(retryPolicy.backoffBeforeRetry(attempt), lastFailure);
            }
            URI base = baseUrls.get(Math.floorMod(currentUrl.get(), baseUrls.size()));
            try {
                return sendOnce(base, method, path, body);
            } catch (SchemaRegistryException e) {
                if (!e.isRetriable() || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                lastFailure = e;
                if (e.httpStatus() == 0) {
                    currentUrl.incrementAndGet();
                }
                log.warn(
                        "Registry call {} {} failed (attempt {} of {}): {}",
                        method,
                        path,
                        attempt + 1,
                        retryPolicy.maxRetries() + 1,
                        e.getMessage());
            }
        }
        throw lastFailure;
    }

    private JsonNode sendOnce(URI base, String method, String path, String body) {
        URI uri = URI.create(stripTrailingSlash(base.toString()) + path);
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(readTimeout).header("Accept", ACCEPT);
        authorization.ifPresent(value -> request.header("Authorization", value));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", CONTENT_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SchemaRegistryException("no answer from schema registry " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while calling schema registry " + uri, 0, -1);
        }
        return parse(uri, response);
    }

    private JsonNode parse(URI uri, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (status >= 200 && status < 300) {
            return readJson(body).orElse(MissingNode.getInstance());
        }
        Optional<JsonNode> error = readJson(body);
        int errorCode = error.map(node -> node.path("error_code").asInt(0)).orElse(0);
        String message = error.map(node -> node.path("message").asText(""))
                .filter(text -> !text.isEmpty())
                .orElse(abbreviate(body));
        throw new SchemaRegistryException(
                "schema registry " + uri + " answered HTTP " + status + " error_code " + errorCode + ": " + message,
                status,
                errorCode);
    }

    private Optional<JsonNode> readJson(String body) {
        if (body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void pause(Duration backoff, SchemaRegistryException lastFailure) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw lastFailure;
        }
    }

    private static Optional<String> authorizationHeader(RegistryClientConfig config) {
        Optional<String> basic = config.basicAuthUserInfo()
                .map(userInfo ->
                        "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        return basic.or(() -> config.bearerToken().map(token -> "Bearer " + token));
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
