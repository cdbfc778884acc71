package io.streamtune.demo.loop;

import io.streamtune.schemas.serde.AvroSerdeConfig;
import io.streamtune.schemas.serde.ConfluentAvroDeserializer;
import io.streamtune.schemas.serde.ConfluentAvroSerializer;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The demo's own Kafka clients: Avro values in the Confluent wire format, string keys (the event id). */
public final class DemoClients {

    private final String bootstrapServers;
    private final String registryUrl;

    public DemoClients(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    /** An idempotent producer that registers its schemas. */
    public KafkaProducer<String, SpecificRecord> producer(String clientId) {
        Map<String, Object> config = common();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        ConfluentAvroSerializer<SpecificRecord> values = new ConfluentAvroSerializer<>();
        values.configure(serde(), false);
        return new KafkaProducer<>(config, new StringSerializer(), values);
    }

    /** A read_committed consumer without a group, for manual assignment. */
    public <T extends SpecificRecord> KafkaConsumer<String, T> consumer(String clientId, Class<T> type) {
        Map<String, Object> config = common();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ConfluentAvroDeserializer<T> values = new ConfluentAvroDeserializer<>(type);
        values.configure(serde(), false);
        return new KafkaConsumer<>(config, new StringDeserializer(), values);
    }

    private Map<String, Object> common() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    private Map<String, Object> serde() {
        Map<String, Object> serde = new HashMap<>();
        serde.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        serde.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
        return serde;
    }
}
