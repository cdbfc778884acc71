package io.streamtune.cli.client;

import io.streamtune.runtime.config.KeyScheme;
import io.streamtune.runtime.config.SharedKeys;
import io.streamtune.schemas.serde.AvroSerdeConfig;
import io.streamtune.schemas.serde.ConfluentAvroDeserializer;
import io.streamtune.schemas.serde.ConfluentAvroSerializer;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka client and schema registry settings: the command-line options win, then the properties file, then the
 * local stack's defaults. The file is the apps' own Streamtune file ({@code kafka.*}, {@code registry.*}) or a plain
 * Kafka client file, whose keys the Avro serdes know go to the registry client and every other key to the Kafka
 * clients unchanged. A setting that is invalid fails with a message naming the key and the file.
 */
public final class ClientSettings {

    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    public static final String DEFAULT_SCHEMA_REGISTRY = "http://localhost:8081/api/v1/confluent";

    private static final Set<String> SERDE_KEYS = AvroSerdeConfig.definition().names();
    private static final String TOPIC_PREFIX = "topic.";

    private final String source;
    private final Map<String, Object> clientProperties;
    private final Map<String, Object> serdeConfig;
    private final Map<String, String> names;

    private ClientSettings(
            String source,
            Map<String, Object> clientProperties,
            Map<String, Object> serdeConfig,
            Map<String, String> names) {
        this.source = source;
        this.clientProperties = clientProperties;
        this.serdeConfig = serdeConfig;
        this.names = names;
    }

    /**
     * Reads and checks the settings.
     *
     * @param file a Kafka client properties file, or null
     * @param bootstrapServers overrides {@code bootstrap.servers}, or null
     * @param schemaRegistry overrides {@code schema.registry.url}, or null
     * @throws CommandException when the file is missing or unreadable, or a registry setting is invalid
     */
    public static ClientSettings load(Path file, String bootstrapServers, String schemaRegistry) {
        Map<String, Object> client = new HashMap<>();
        Map<String, Object> serde = new HashMap<>();
        serde.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "true");
        Map<String, String> values = readFile(file);
        values.forEach((key, value) -> place(key, value, client, serde));
        client.putIfAbsent(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, DEFAULT_BOOTSTRAP_SERVERS);
        serde.putIfAbsent(AvroSerdeConfig.SCHEMA_REGISTRY_URL, DEFAULT_SCHEMA_REGISTRY);
        if (bootstrapServers != null) {
            client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        }
        if (schemaRegistry != null) {
            serde.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistry);
        }
        String source = file == null ? "the command line" : "config file " + file;
        ClientSettings settings = new ClientSettings(source, client, serde, namesOf(values));
        settings.checked(() -> new AvroSerdeConfig(serde).registryClientConfig());
        return settings;
    }

    /**
     * Puts one setting of the file where it belongs. The file may be a Streamtune file (the same one the apps read:
     * {@code kafka.*} to the clients, {@code registry.url} and {@code registry.*} to the serdes, the apps' other keys
     * ignored) or a plain Kafka client file (registry keys to the serdes, every other key to the clients).
     */
    private static void place(String key, String value, Map<String, Object> client, Map<String, Object> serde) {
        if (key.equals(SharedKeys.REGISTRY_URL)) {
            serde.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, value);
        } else if (key.startsWith(SharedKeys.REGISTRY_PREFIX)) {
            serde.put(key.substring(SharedKeys.REGISTRY_PREFIX.length()), value);
        } else if (key.startsWith(SharedKeys.KAFKA_PREFIX)) {
            client.put(key.substring(SharedKeys.KAFKA_PREFIX.length()), value);
        } else if (SharedKeys.names().contains(key)
                || KeyScheme.APP_NAMESPACES.stream().anyMatch(key::startsWith)) {
            return;
        } else {
            (SERDE_KEYS.contains(key) ? serde : client).put(key, value);
        }
    }

    /** The file's topic names and model name: a command given the apps' file talks to the apps' topics. */
    private static Map<String, String> namesOf(Map<String, String> values) {
        Map<String, String> names = new HashMap<>();
        values.forEach((key, value) -> {
            if ((key.startsWith(TOPIC_PREFIX) || key.equals(SharedKeys.MODEL_NAME)) && !value.isEmpty()) {
                names.put(key, value);
            }
        });
        return names;
    }

    private static Map<String, String> readFile(Path file) {
        if (file == null) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new CommandException("config file " + file + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandException("cannot read config file " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        properties
                .stringPropertyNames()
                .forEach(key -> values.put(key, properties.getProperty(key).trim()));
        return values;
    }

    /**
     * The topic the file names under a {@code topic.*} key (the same key the apps read), else {@code fallback}.
     *
     * @param key a topic key of {@link SharedKeys}, such as {@link SharedKeys#TOPIC_TEXT_EVENTS}
     */
    public String topic(String key, String fallback) {
        return names.getOrDefault(key, fallback);
    }

    /** The file's {@code model.name}, when it names one. */
    public Optional<String> modelName() {
        return Optional.ofNullable(names.get(SharedKeys.MODEL_NAME));
    }

    /** The Kafka client properties (without registry keys). */
    public Map<String, Object> clientProperties() {
        return new HashMap<>(clientProperties);
    }

    /** The settings of the Avro serdes and registry client. */
    public Map<String, Object> serdeConfig() {
        return new HashMap<>(serdeConfig);
    }

    public String bootstrapServers() {
        return String.valueOf(clientProperties.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
    }

    /**
     * An idempotent producer of Avro values with String keys; {@code acks} defaults to {@code all} (another value
     * from the file fails, naming the key, as idempotence needs {@code all}).
     */
    public <T extends SpecificRecord> KafkaProducer<String, T> producer() {
        Map<String, Object> config = clientProperties();
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        return checked(() -> {
            ConfluentAvroSerializer<T> values = new ConfluentAvroSerializer<>();
            values.configure(serdeConfig, false);
            return new KafkaProducer<>(config, new StringSerializer(), values);
        });
    }

    /** A read_committed consumer without a group (assign partitions yourself), of Avro values of one type. */
    public <T extends SpecificRecord> KafkaConsumer<String, T> consumer(Class<T> type) {
        return consumer(type, Map.of());
    }

    /** As {@link #consumer(Class)}, with defaults for keys the file does not set. */
    public <T extends SpecificRecord> KafkaConsumer<String, T> consumer(Class<T> type, Map<String, Object> defaults) {
        Map<String, Object> config = clientProperties();
        defaults.forEach(config::putIfAbsent);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return checked(() -> {
            ConfluentAvroDeserializer<T> values = new ConfluentAvroDeserializer<>(type);
            values.configure(serdeConfig, false);
            return new KafkaConsumer<>(config, new StringDeserializer(), values);
        });
    }

    /** A read_committed consumer without a group of raw values with String keys (dead letters hold any bytes). */
    public KafkaConsumer<String, byte[]> rawConsumer(Map<String, Object> defaults) {
        Map<String, Object> config = clientProperties();
        defaults.forEach(config::putIfAbsent);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return checked(() -> new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()));
    }

    /** Runs a client construction; an invalid setting becomes one message naming the key and where it came from. */
    private <T> T checked(Supplier<T> construction) {
        try {
            return construction.get();
        } catch (ConfigException e) {
            throw invalid(e);
        } catch (KafkaException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof ConfigException config) {
                    throw invalid(config);
                }
            }
            throw new CommandException("cannot create a Kafka client from " + source + ": " + e.getMessage(), e);
        }
    }

    private CommandException invalid(ConfigException e) {
        return new CommandException("invalid setting in " + source + ": " + e.getMessage(), e);
    }
}
