package io.streamtune.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.serde.PortableSchema;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client trusts a registry's self-signed certificate through a configured trust store, and only then. */
class TlsRegistryTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    Path dir;

    private Path keyStore;
    private HttpsServer server;

    @BeforeEach
    void startHttpsRegistry() throws Exception {
        keyStore = dir.resolve("registry.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "registry",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost,ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keyStore.toString(),
                        "-storepass",
                        PASSWORD)
                .redirectErrorStream(true)
                .start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue())
                .as(new String(keytool.getInputStream().readAllBytes()))
                .isZero();

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext()));
        server.createContext("/", exchange -> {
            byte[] body = "{\"id\":21}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldTalkToRegistryWhoseCertificateIsInTheTrustStore() {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientConfig.builder(List.of(url()))
                .trustStore(new TrustStore(keyStore, PASSWORD, "PKCS12"))
                .build());

        assertThat(client.register("s", PortableSchema.of(TextEvent.getClassSchema())))
                .isEqualTo(21);
    }

    @Test
    void shouldRefuseRegistryWithUntrustedCertificate() {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(RegistryClientConfig.builder(List.of(url()))
                .retryPolicy(RetryPolicy.NONE)
                .build());

        SchemaRegistryException error = catchThrowableOfType(
                SchemaRegistryException.class,
                () -> client.register("s", PortableSchema.of(TextEvent.getClassSchema())));

        assertThat(error.httpStatus()).isZero();
        assertThat(error).hasCauseInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void shouldNameTheTrustStoreThatCannotBeOpened() {
        TrustStore wrongPassword = new TrustStore(keyStore, "wrong", "PKCS12");

        assertThatThrownBy(wrongPassword::toSslContext)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(keyStore.toString());
    }

    private URI url() {
        return URI.create("https://localhost:" + server.getAddress().getPort());
    }

    private SSLContext serverContext() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keyStore.toFile())) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
