package io.streamtune.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.streamtune.schemas.registry.TrustStore;
import io.streamtune.testsupport.SelfSignedCertificate;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway on its own, in front of an upstream that echoes what reached it: only the right credentials pass,
 * and what passes arrives unchanged. (The real registry behind it is in {@link SecureLoopIT}.)
 */
@Timeout(60)
class RegistryGatewayTest {

    private static final String USER = "registry-user";
    private static final String PASSWORD = "s3cret-Pass";

    @TempDir
    Path folder;

    private HttpServer upstream;
    private final AtomicInteger upstreamCalls = new AtomicInteger();
    private SelfSignedCertificate certificate;
    private RegistryGateway gateway;
    private HttpClient trusting;

    @BeforeEach
    void start() throws Exception {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            upstreamCalls.incrementAndGet();
            byte[] received = exchange.getRequestBody().readAllBytes();
            String echo = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(received, StandardCharsets.UTF_8);
            byte[] body = echo.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(207, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        upstream.start();
        certificate = SelfSignedCertificate.create(folder);
        gateway = RegistryGateway.start(
                URI.create("http://127.0.0.1:" + upstream.getAddress().getPort()),
                certificate.serverContext(),
                USER,
                PASSWORD);
        trusting = HttpClient.newBuilder()
                .sslContext(new TrustStore(certificate.trustStore(), certificate.password(), SelfSignedCertificate.TYPE)
                        .toSslContext())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterEach
    void stop() {
        gateway.close();
        upstream.stop(0);
    }

    @Test
    void shouldForwardMethodPathQueryBodyAndContentTypeWithTheRightCredentials() throws Exception {
        HttpResponse<String> response = trusting.send(
                request("/api/v1/confluent/subjects/a%20b/versions?normalize=true", basic(USER, PASSWORD))
                        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"x\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(207);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(response.body())
                .isEqualTo("POST /api/v1/confluent/subjects/a%20b/versions?normalize=true"
                        + " application/vnd.schemaregistry.v1+json {\"schema\":\"x\"}");
    }

    @Test
    void shouldAnswer401WithoutCredentialsAndNotForward() throws Exception {
        HttpResponse<String> response =
                trusting.send(request("/subjects", null).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"schema-registry\"");
        assertThat(upstreamCalls).hasValue(0);
    }

    @Test
    void shouldAnswer401ForAWrongPasswordOrUserAndNotForward() throws Exception {
        for (String authorization : new String[] {
            basic(USER, "wrong"), basic("someone", PASSWORD), basic(USER, PASSWORD + "x"), "Bearer " + PASSWORD
        }) {
            HttpResponse<String> response = trusting.send(
                    request("/subjects", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(authorization).isEqualTo(401);
        }
        assertThat(upstreamCalls).hasValue(0);
    }

    @Test
    void shouldRefusePlainHttpOnTheTlsPort() {
        URI plain = URI.create("http://127.0.0.1:" + gateway.origin().getPort() + "/subjects");
        HttpRequest request = HttpRequest.newBuilder(plain)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", basic(USER, PASSWORD))
                .GET()
                .build();

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(upstreamCalls).hasValue(0);
    }

    @Test
    void shouldNotBeTrustedByAClientWithoutTheTrustStore() {
        HttpRequest request = request("/subjects", basic(USER, PASSWORD)).GET().build();

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
        assertThat(upstreamCalls).hasValue(0);
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(gateway.origin() + path)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
