package io.streamtune.review.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.review.ReviewApp;
import io.streamtune.review.config.ReviewConfig;
import io.streamtune.testsupport.KafkaStack;
import io.streamtune.testsupport.SelfSignedCertificate;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The page over HTTPS with a key store of the operator's: TLS only on the port, and session cookies marked Secure. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TlsIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    @TempDir
    Path folder;

    @Test
    void shouldServeThePageOverHttpsOnlyWithSecureSessionCookies() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(folder.resolve("tls"));
        ReviewFixture fixture = new ReviewFixture(STACK, folder, 1);
        fixture.overrides.put(
                ReviewConfig.TLS_KEYSTORE_PATH, certificate.keyStore().toString());
        fixture.overrides.put(ReviewConfig.TLS_KEYSTORE_PASSWORD, certificate.password());
        fixture.classify(1);
        try (ReviewApp app = fixture.start()) {
            HttpClient https = HttpClient.newBuilder()
                    .sslContext(certificate.clientContext())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            String base = "https://127.0.0.1:" + app.port();

            HttpResponse<String> login = https.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("user=alice&password="
                                    + URLEncoder.encode(ReviewFixture.PASSWORD, StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> page = https.send(
                    HttpRequest.newBuilder(URI.create(base + "/login.html"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> l.endsWith("/index.html"));
            assertThat(login.headers().firstValue("Set-Cookie"))
                    .hasValueSatisfying(cookie -> assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Secure"));
            assertThat(page.statusCode()).isEqualTo(200);
            HttpClient plain = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            assertThatThrownBy(() -> plain.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/login.html"))
                                    .timeout(Duration.ofSeconds(10))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
        }
    }
}
