package io.streamtune.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A server key pair with a self-signed certificate for {@value #HOST} (subject alternative names IP 127.0.0.1 and
 * DNS localhost), made by the JDK's {@code keytool} in a folder of the test, and a trust store holding only that
 * certificate for the clients. Both stores are PKCS12 with one random password. Used by every test that needs TLS
 * (the secured broker and registry of the system tests, the review page over HTTPS).
 *
 * @param keyStore the server's key store (alias {@value #ALIAS})
 * @param trustStore the clients' trust store
 * @param password the password of both stores and of the key
 */
public record SelfSignedCertificate(Path keyStore, Path trustStore, String password) {

    public static final String HOST = "127.0.0.1";
    public static final String TYPE = "PKCS12";
    private static final String ALIAS = "server";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Generates the key pair and certificate (RSA 2048, valid two days) and writes both stores. */
    public static SelfSignedCertificate create(Path folder)
            throws IOException, InterruptedException, GeneralSecurityException {
        Files.createDirectories(folder);
        SelfSignedCertificate certificate = new SelfSignedCertificate(
                folder.resolve("server.p12"), folder.resolve("truststore.p12"), randomPassword());
        certificate.generateKeyPair(folder.resolve("keytool.log"));
        certificate.writeTrustStore();
        return certificate;
    }

    /** A TLS context that presents this certificate, for a server. */
    public SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keyStore), password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** A TLS context that trusts only this certificate, for a client. */
    public SSLContext clientContext() throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(trustStore));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** 24 hex characters (96 random bits): safe inside JAAS quotes and StorageTool's {@code --add-scram}. */
    private static String randomPassword() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
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
