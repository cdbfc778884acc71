package io.streamtune.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.schemas.registry.RestSchemaRegistryClient;
import io.streamtune.schemas.registry.SchemaRegistryException;
import io.streamtune.schemas.serde.AvroSerdeConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What the secure stack refuses, each next to the same call with the right settings, which must succeed (so a
 * refusal is not just a broken broker or registry): Kafka clients without SASL, with a wrong password or as an
 * unknown user; authenticated users beyond their ACLs; registry calls without credentials, with wrong ones, or in
 * plain HTTP.
 */
final class SecurityRefusals {

    private static final Duration READ_FOR = Duration.ofSeconds(5);

    private final SecureStack stack;
    private final String user;
    private final String password;

    SecurityRefusals(SecureStack stack, String user, String password) {
        this.stack = stack;
        this.user = user;
        this.password = password;
    }

    /** A PLAINTEXT client against the SASL_SSL listener: no metadata, so no send; nothing read. */
    void assertPlaintextClientCannotProduceOrRead(String topic) {
        assertAllowed(topic);
        Map<String, Object> plaintext = new HashMap<>();
        plaintext.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        plaintext.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.PLAINTEXT.name);
        Throwable sent = sendFailure(plaintext, topic);
        Read read = read(plaintext, topic);
        System.out.printf("PLAINTEXT client: send -> %s; read -> %s%n", sent, read);
        assertThat(causes(sent)).as("send without SASL").hasAtLeastOneElementOfType(TimeoutException.class);
        assertThat(read.records()).as("records read without SASL").isZero();
    }

    /** The app user with a wrong password, and an unknown user: authentication fails, nothing sent or read. */
    void assertWrongCredentialsCannotProduceOrRead(String topic) {
        assertAllowed(topic);
        for (Map<String, Object> settings :
                List.of(stack.kafkaSettings(user, password + "0"), stack.kafkaSettings("nobody", password))) {
            Throwable sent = sendFailure(settings, topic);
            Read read = read(settings, topic);
            System.out.printf("SCRAM client %s: send -> %s; read -> %s%n", jaasUser(settings), sent, read);
            assertThat(causes(sent)).as("send").hasAtLeastOneElementOfType(SaslAuthenticationException.class);
            assertThat(causes(read.failure())).as("read").hasAtLeastOneElementOfType(SaslAuthenticationException.class);
            assertThat(read.records()).as("records read").isZero();
        }
    }

    /**
     * The authorizer: a reader allowed to read one topic reads it but cannot write it or read another; an
     * authenticated user without ACLs can do neither.
     */
    void assertAuthorizationLimits(String reader, String outsider, String password, String readable, String other) {
        Map<String, Object> readerSettings = stack.kafkaSettings(reader, password);
        Read allowed = read(readerSettings, readable);
        Throwable writeReadable = sendFailure(readerSettings, readable);
        Read otherTopic = read(readerSettings, other);
        Map<String, Object> outsiderSettings = stack.kafkaSettings(outsider, password);
        Throwable outsiderWrite = sendFailure(outsiderSettings, readable);
        Read outsiderRead = read(outsiderSettings, readable);
        System.out.printf(
                "ACLs: %s reads %s -> %s; writes it -> %s; reads %s -> %s. %s writes %s -> %s; reads it -> %s%n",
                reader,
                readable,
                allowed,
                writeReadable,
                other,
                otherTopic,
                outsider,
                readable,
                outsiderWrite,
                outsiderRead);
        assertThat(allowed.records()).as("%s reads %s", reader, readable).isPositive();
        // an idempotent producer without any WRITE is refused at its first step, InitProducerId (cluster)
        assertThat(causes(writeReadable)).hasAtLeastOneElementOfType(AuthorizationException.class);
        assertThat(causes(otherTopic.failure())).hasAtLeastOneElementOfType(TopicAuthorizationException.class);
        assertThat(causes(outsiderWrite)).hasAtLeastOneElementOfType(AuthorizationException.class);
        assertThat(causes(outsiderRead.failure())).hasAtLeastOneElementOfType(TopicAuthorizationException.class);
    }

    /** 401 without or with wrong basic-auth credentials, no answer in plain HTTP; the right ones read the schema. */
    void assertRegistryRefusesMissingOrWrongCredentials(String subject) {
        assertThat(registryStatus(stack.registrySettings(), subject))
                .as("right credentials")
                .isEqualTo(200);
        int none = registryStatus(stack.registrySettings(null), subject);
        int wrong = registryStatus(stack.registrySettings(SecureStack.REGISTRY_USER + ":wrong"), subject);
        Map<String, Object> plainHttp = stack.registrySettings();
        URI https = URI.create(stack.registryUrl());
        plainHttp.put(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                "http://" + https.getHost() + ":" + https.getPort() + https.getPath());
        int plain = registryStatus(plainHttp, subject);
        System.out.printf(
                "registry %s: no credentials -> HTTP %d, wrong password -> HTTP %d, plain http -> %s%n",
                stack.registryUrl(), none, wrong, plain == 0 ? "no answer" : "HTTP " + plain);
        assertThat(none).as("no credentials").isEqualTo(401);
        assertThat(wrong).as("wrong password").isEqualTo(401);
        assertThat(plain).as("plain HTTP to the TLS port: no HTTP answer").isZero();
    }

    private void assertAllowed(String topic) {
        Map<String, Object> settings = stack.kafkaSettings(user, password);
        assertThat(sendFailure(settings, topic))
                .as("send with the right settings")
                .isNull();
        assertThat(read(settings, topic).records())
                .as("records read with the right settings")
                .isPositive();
    }

    /** Sends one record to partition 0; the failure, or null when it was written. */
    private static Throwable sendFailure(Map<String, Object> settings, String topic) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        try {
            producer.send(new ProducerRecord<>(topic, 0, null, "probe".getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (Exception e) {
            return e;
        } finally {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Reads partition 0 from the beginning for {@value}-ish seconds: how many records, and the failure if any. */
    private static Read read(Map<String, Object> settings, String topic) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        int records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            long deadline = System.nanoTime() + READ_FOR.toNanos();
            while (System.nanoTime() < deadline && records == 0) {
                records += consumer.poll(Duration.ofMillis(200)).count();
            }
            return new Read(records, null);
        } catch (RuntimeException e) {
            return new Read(records, e);
        }
    }

    private static int registryStatus(Map<String, Object> settings, String subject) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(AvroSerdeConfig.MAX_RETRIES, 0);
        config.put(AvroSerdeConfig.HTTP_READ_TIMEOUT_MS, 10_000);
        RestSchemaRegistryClient client =
                new RestSchemaRegistryClient(new AvroSerdeConfig(config).registryClientConfig());
        try {
            client.latest(subject);
            return 200;
        } catch (SchemaRegistryException e) {
            return e.httpStatus();
        }
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static String jaasUser(Map<String, Object> settings) {
        return String.valueOf(settings.get("sasl.jaas.config")).replaceAll(".*username=\"([^\"]*)\".*", "$1");
    }

    private record Read(int records, Throwable failure) {
        @Override
        public String toString() {
            return records + " records" + (failure == null ? "" : ", " + failure);
        }
    }
}
