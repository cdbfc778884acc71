package io.streamtune.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Kafka broker and a real schema registry for integration tests:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaStack STACK = new KafkaStack();
 * }</pre>
 *
 * <p>Both servers start once per test JVM, on free ports, and every test class shares them; they stop
 * when the test run ends. The broker is a Testcontainers {@code apache/kafka} container where Docker is
 * available and Kafka's in-process KRaft test broker otherwise (force one with the system property
 * {@code streamtune.test.broker=container|in-process}). Either one supports transactions and
 * exactly-once Streams. The registry is the Hortonworks Schema Registry with its Confluent-compatible
 * REST API, as a child process (build {@code local-stack/registry-runtime} first; the reactor does it for you).
 *
 * <p>Tests stay independent by using {@link #uniqueTopic(String)} rather than fixed topic names.
 */
public final class KafkaStack implements BeforeAllCallback {

    /** The key of the schema registry URL in {@link #clientConfig()}, as Confluent-style serdes expect. */
    public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";

    private static final AtomicInteger TOPIC_COUNTER = new AtomicInteger();
    private static final long TOPIC_TIMEOUT_SECONDS = 30;

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        store.getOrComputeIfAbsent(SharedStack.class, key -> SharedStack.get(), SharedStack.class);
    }

    /** The {@code bootstrap.servers} value of the shared broker. */
    public String bootstrapServers() {
        return SharedStack.get().bootstrapServers();
    }

    /** The Confluent-compatible registry base URL, e.g. {@code http://127.0.0.1:PORT/api/v1/confluent}. */
    public String schemaRegistryUrl() {
        return SharedStack.get().schemaRegistryUrl();
    }

    /** Creates a new topic with one partition and returns its name: the prefix plus a unique suffix. */
    public String uniqueTopic(String prefix) {
        return uniqueTopic(prefix, 1);
    }

    /** Creates a new topic with the given partitions and returns its name: the prefix plus a unique suffix. */
    public String uniqueTopic(String prefix, int partitions) {
        return create(prefix, partitions, Map.of());
    }

    /** Creates a new compacted topic with one partition (as model-versions is) and returns its name. */
    public String uniqueCompactedTopic(String prefix) {
        return create(prefix, 1, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    private String create(String prefix, int partitions, Map<String, String> configs) {
        if (partitions < 1) {
            throw new IllegalArgumentException("A topic needs at least one partition, got " + partitions);
        }
        String name = TopicNames.unique(prefix, TOPIC_COUNTER.incrementAndGet(), UUID.randomUUID());
        NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.of((short) 1)).configs(configs);
        try {
            admin().createTopics(List.of(topic)).all().get(TOPIC_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return name;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create topic " + name, e);
        }
    }

    /**
     * A new, mutable map with {@code bootstrap.servers} and {@code schema.registry.url}; add the
     * serializers, group id and the rest per client.
     */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(SCHEMA_REGISTRY_URL_CONFIG, schemaRegistryUrl());
        return config;
    }

    /** An admin client of the shared broker; shared too, so do not close it. */
    public Admin admin() {
        return SharedStack.get().admin();
    }
}
