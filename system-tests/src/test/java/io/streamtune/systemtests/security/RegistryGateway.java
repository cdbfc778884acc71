package io.streamtune.systemtests.security;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.streamtune.testsupport.SelfSignedCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A TLS-terminating reverse proxy with HTTP basic auth in front of a registry that has neither (Hortonworks 0.9.1),
 * as a deployment puts a TLS and auth gateway in front of its registry. A request without the one valid
 * {@code Authorization: Basic} header gets 401 and never reaches the registry; any other is forwarded (method, path,
 * query, body, {@code Content-Type}, {@code Accept}) to the registry over plain HTTP on loopback, and the registry's
 * status, {@code Content-Type} and body are sent back. No answer from the registry gives 502.
 */
final class RegistryGateway implements AutoCloseable {

    static final String REALM = "schema-registry";
    private static final List<String> FORWARDED_HEADERS = List.of("Content-Type", "Accept");

    private final HttpsServer server;
    private final ExecutorService workers;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String upstream;
    private final byte[] expectedAuthorization;

    private RegistryGateway(HttpsServer server, ExecutorService workers, URI upstream, String user, String password) {
        this.server = server;
        this.workers = workers;
        this.upstream = upstream.toString().replaceAll("/+$", "");
        this.expectedAuthorization = ("Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Starts the gateway on a free port of 127.0.0.1.
     *
     * @param upstream the registry's origin, e.g. {@code http://127.0.0.1:8081} (request paths are appended)
     * @param tls the server's TLS context
     * @param user the one user accepted
     * @param password that user's password
     */
    static RegistryGateway start(URI upstream, SSLContext tls, String user, String password) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(SelfSignedCertificate.HOST, 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        ExecutorService workers = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "registry-gateway");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        RegistryGateway gateway = new RegistryGateway(server, workers, upstream, user, password);
        server.createContext("/", gateway::handle);
        server.start();
        return gateway;
    }

    /** {@code https://127.0.0.1:<port>}: the gateway's origin; append the registry's paths. */
    URI origin() {
        return URI.create("https://" + SelfSignedCertificate.HOST + ":"
                + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readAll(exchange.getRequestBody());
            if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
                respond(exchange, 401, "application/json", "{\"error_code\":401,\"message\":\"Unauthorized\"}");
                return;
            }
            HttpResponse<byte[]> answer;
            try {
                answer = http.send(forwarded(exchange, body), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                respond(exchange, 502, "application/json", "{\"error_code\":502,\"message\":\"registry unreachable\"}");
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                respond(exchange, 503, "application/json", "{\"error_code\":503,\"message\":\"shutting down\"}");
                return;
            }
            answer.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders()
                    .set("Content-Type", type));
            send(exchange, answer.statusCode(), answer.body());
        }
    }

    private boolean authorized(String header) {
        return header != null
                && MessageDigest.isEqual(header.getBytes(StandardCharsets.US_ASCII), expectedAuthorization);
    }

    private HttpRequest forwarded(HttpExchange exchange, byte[] body) {
        URI received = exchange.getRequestURI();
        String target =
                upstream + received.getRawPath() + (received.getRawQuery() == null ? "" : "?" + received.getRawQuery());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target))
                .timeout(Duration.ofSeconds(30))
                .method(
                        exchange.getRequestMethod(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : FORWARDED_HEADERS) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        return request.build();
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean empty = body.length == 0 || "HEAD".equals(exchange.getRequestMethod()) || status == 204;
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
