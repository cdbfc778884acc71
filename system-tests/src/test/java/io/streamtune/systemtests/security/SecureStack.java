package io.streamtune.systemtests.security;

import io.streamtune.schemas.serde.AvroSerdeConfig;
import io.streamtune.stack.BrokerOverrides;
import io.streamtune.stack.LocalBroker;
import io.streamtune.stack.LocalRegistry;
import io.streamtune.stack.Ports;
import io.streamtune.stack.StackConfig;
import io.streamtune.testsupport.SelfSignedCertificate;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * A broker process that accepts clients only over SASL_SSL with SCRAM-SHA-512 and authorizes them with the
 * StandardAuthorizer (ACLs; its controller listener stays PLAINTEXT on loopback; brokers talk to each other over
 * SASL_SSL as the super user {@value #ADMIN}, created when the storage is formatted), a registry process, and the
 * {@link RegistryGateway} in front of the registry that requires TLS and basic auth. Both TLS endpoints present one
 * {@link SelfSignedCertificate}.
 */
final class SecureStack implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String MECHANISM = "SCRAM-SHA-512";
    static final String REGISTRY_USER = "registry-client";
    private static final String LISTENER = "SASL_SSL";

    private final SelfSignedCertificate certificate;
    private final String adminPassword;
    private final String registryPassword;
    private final String bootstrapServers;
    private final LocalBroker broker;
    private final LocalRegistry registry;
    private RegistryGateway gateway;

    SecureStack(Path folder, SelfSignedCertificate certificate, String adminPassword, String registryPassword) {
        this.certificate = certificate;
        this.adminPassword = adminPassword;
        this.registryPassword = registryPassword;
        StackConfig config = StackConfig.fromEnvironment()
                .withDataDir(folder)
                .withKafkaPorts(Ports.freePort(), Ports.freePort())
                .withRegistryPort(Ports.freePort())
                .withStartTimeout(Duration.ofMinutes(2));
        this.bootstrapServers = SelfSignedCertificate.HOST + ":" + config.kafkaPort();
        this.broker = new LocalBroker(config, overrides(config));
        this.registry = new LocalRegistry(config);
    }

    /**
     * Starts the broker and the registry, waits until both answer, then opens the gateway; stops what it started
     * when any of it fails, since the caller gets no instance to close then.
     */
    SecureStack start() throws IOException, GeneralSecurityException {
        try {
            ProcessHandle brokerProcess = broker.launch(false);
            ProcessHandle registryProcess = registry.launch(false);
            broker.awaitHealthy(brokerProcess);
            registry.awaitHealthy(registryProcess);
            URI registryUrl = URI.create(registry.url());
            gateway = RegistryGateway.start(
                    registryUrl.resolve("/"), certificate.serverContext(), REGISTRY_USER, registryPassword);
            return this;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            close();
            throw e;
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** The registry's Confluent API through the gateway: {@code https://127.0.0.1:<port>/api/v1/confluent}. */
    String registryUrl() {
        return gateway.origin() + URI.create(registry.url()).getPath();
    }

    /** Kafka client settings of a SCRAM user over SASL_SSL that trusts the broker's certificate. */
    Map<String, Object> kafkaSettings(String user, String password) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_SSL.name);
        settings.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        settings.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(user, password));
        settings.put(
                SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG,
                certificate.trustStore().toString());
        settings.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, certificate.password());
        settings.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, SelfSignedCertificate.TYPE);
        return settings;
    }

    Map<String, Object> adminSettings() {
        return kafkaSettings(ADMIN, adminPassword);
    }

    /** Registry client settings (Confluent names) with these basic-auth credentials, trusting the gateway. */
    Map<String, Object> registrySettings(String userInfo) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl());
        if (userInfo != null) {
            settings.put(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, AvroSerdeConfig.CREDENTIALS_FROM_USER_INFO);
            settings.put(AvroSerdeConfig.BASIC_AUTH_USER_INFO, userInfo);
        }
        settings.put(
                AvroSerdeConfig.SSL_TRUSTSTORE_LOCATION,
                certificate.trustStore().toString());
        settings.put(AvroSerdeConfig.SSL_TRUSTSTORE_PASSWORD, certificate.password());
        settings.put(AvroSerdeConfig.SSL_TRUSTSTORE_TYPE, SelfSignedCertificate.TYPE);
        return settings;
    }

    /** {@link #registrySettings(String)} with the gateway's valid credentials. */
    Map<String, Object> registrySettings() {
        return registrySettings(REGISTRY_USER + ":" + registryPassword);
    }

    /** Creates (or changes) a SCRAM-SHA-512 user, as the admin, through the Admin API. */
    void upsertUser(String user, String password) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(adminSettings())) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                            user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password)))
                    .all()
                    .get();
        }
    }

    /** Adds ACLs, as the admin. */
    void allow(List<AclBinding> acls) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(adminSettings())) {
            admin.createAcls(acls).all().get();
        }
    }

    private BrokerOverrides overrides(StackConfig config) {
        String client = LISTENER + "://" + bootstrapServers;
        String controller = "CONTROLLER://" + SelfSignedCertificate.HOST + ":" + config.controllerPort();
        Map<String, String> server = new HashMap<>();
        server.put("listeners", client + "," + controller);
        server.put("advertised.listeners", client + "," + controller);
        server.put("listener.security.protocol.map", LISTENER + ":SASL_SSL,CONTROLLER:PLAINTEXT");
        server.put("inter.broker.listener.name", LISTENER);
        server.put("sasl.enabled.mechanisms", MECHANISM);
        server.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        server.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", jaas(ADMIN, adminPassword));
        server.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // The broker reaches its controller over the PLAINTEXT controller listener, as User:ANONYMOUS; it must be
        // allowed cluster actions there. Clients only reach the SASL_SSL listener, where every principal is a user.
        server.put("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
        server.put("ssl.keystore.location", certificate.keyStore().toString());
        server.put("ssl.keystore.password", certificate.password());
        server.put("ssl.key.password", certificate.password());
        server.put("ssl.keystore.type", SelfSignedCertificate.TYPE);
        server.put("ssl.truststore.location", certificate.trustStore().toString());
        server.put("ssl.truststore.password", certificate.password());
        server.put("ssl.truststore.type", SelfSignedCertificate.TYPE);
        server.put("ssl.client.auth", "none");
        List<String> format =
                List.of("--add-scram", MECHANISM + "=[name=" + ADMIN + ",password=" + adminPassword + "]");
        Map<String, Object> health = new HashMap<>(kafkaSettings(ADMIN, adminPassword));
        health.remove(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        return new BrokerOverrides(server, format, health);
    }

    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    @Override
    public void close() {
        if (gateway != null) {
            gateway.close();
        }
        registry.process().stop(Duration.ofSeconds(20));
        broker.process().stop(Duration.ofSeconds(60));
    }
}
