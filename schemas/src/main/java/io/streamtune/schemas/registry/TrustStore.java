package io.streamtune.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A trust store holding the certificates (or CA) the registry's TLS certificate is checked against.
 *
 * @param location the store file
 * @param password the store password, or null for none
 * @param type the store type, e.g. {@code PKCS12} or {@code JKS}
 */
public record TrustStore(Path location, String password, String type) {

    public TrustStore {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(type, "type");
    }

    /** A TLS context that trusts exactly the certificates of this store. */
    public SSLContext toSslContext() {
        try (InputStream in = Files.newInputStream(location)) {
            KeyStore keyStore = KeyStore.getInstance(type);
            keyStore.load(in, password == null ? null : password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keyStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load trust store " + location + " of type " + type, e);
        }
    }

    @Override
    public String toString() {
        return "TrustStore[location=" + location + ", type=" + type + ", password="
                + (password == null ? "none" : "[hidden]") + "]";
    }
}
