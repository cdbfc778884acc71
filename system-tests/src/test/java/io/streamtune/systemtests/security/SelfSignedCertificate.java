package io.streamtune.systemtests.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A server key pair with a self-signed certificate for {@value #HOST} (subject alternative names IP 127.0.0.1 and
 * DNS localhost), made by the JDK's {@code keytool} in a folder of the test, and a trust store holding only that
 * certificate for the clients. Both stores are PKCS12 with one random password.
 *
 * @param keyStore the server's key store (alias {@value #ALIAS})
 * @param trustStore the clients' trust store
 * @param password the password of both stores and of the key
 */
record SelfSignedCertificate(Path keyStore, Path trustStore, String password) {

    static final String HOST = "127.0.0.1";
    static final String TYPE = "PKCS12";
    private static final String ALIAS = "server";

    /** Generates the key pair and certificate (RSA 2048, valid two days) and writes both stores. */
    static SelfSignedCertificate create(Path folder)
            throws IOException, InterruptedException, GeneralSecurityException {
        Files.createDirectories(folder);
        SelfSignedCertificate certificate = new SelfSignedCertificate(
                folder.resolve("server.p12"), folder.resolve("truststore.p12"), Secrets.random());
        certificate.generateKeyPair(folder.resolve("keytool.log"));
        certificate.writeTrustStore();
        return certificate;
    }

    /** A TLS context that presents this certificate, for a server. */
    SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keyStore), password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private void generateKeyPair(Path log) throws IOException, InterruptedException {
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        List<String> command = List.of(
                keytool,
                "-genkeypair",
                "-alias",
                ALIAS,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=" + HOST,
                "-ext",
                "SAN=ip:" + HOST + ",dns:localhost",
                "-storetype",
                TYPE,
                "-keystore",
                keyStore.toString(),
                "-storepass",
                password,
                "-keypass",
                password);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("keytool did not finish within 60 s");
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(keyStore)) {
            throw new IOException("keytool failed (exit " + process.exitValue() + "): "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    private void writeTrustStore() throws IOException, GeneralSecurityException {
        Certificate certificate = load(keyStore).getCertificate(ALIAS);
        KeyStore trust = KeyStore.getInstance(TYPE);
        trust.load(null, null);
        trust.setCertificateEntry(ALIAS, certificate);
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            trust.store(out, password.toCharArray());
        }
    }

    private KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(TYPE);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    @Override
    public String toString() {
        return "SelfSignedCertificate[keyStore=" + keyStore + ", trustStore=" + trustStore + ", password=[hidden]]";
    }
}
