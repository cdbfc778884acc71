package io.streamtune.review.web;

import io.javalin.config.JavalinConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Serves the page over HTTPS only, with Jetty's own TLS connector and a PKCS12 key store. */
final class TlsConnector {

    private TlsConnector() {}

    static void install(JavalinConfig config, String host, int port, Path keyStore, String password) {
        if (!Files.isReadable(keyStore)) {
            throw new IllegalArgumentException("review.tls.keystore.path: cannot read " + keyStore);
        }
        config.jetty.addConnector((server, httpConfig) -> {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStorePath(keyStore.toString());
            tls.setKeyStorePassword(password);
            tls.setKeyStoreType("PKCS12");
            HttpConfiguration https = new HttpConfiguration(httpConfig);
            https.addCustomizer(new SecureRequestCustomizer(false));
            ServerConnector connector = new ServerConnector(
                    server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(https));
            connector.setHost(host);
            connector.setPort(port);
            return connector;
        });
    }
}
