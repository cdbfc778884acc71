package io.streamtune.classifier.topology;

import io.streamtune.schemas.registry.SchemaRegistryClient;
import io.streamtune.schemas.serde.AvroSerdeConfig;
import io.streamtune.schemas.serde.ConfluentAvroSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.StreamsConfig;

/** What the classification topology's {@code TopologyTestDriver} tests share: exactly-once settings and serdes. */
final class TopologyDriverSettings {

    private TopologyDriverSettings() {}

    /** Exactly-once v2 under the given application id, with a fresh state folder. */
    static Properties streamsProperties(String applicationId) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        try {
            properties.put(
                    StreamsConfig.STATE_DIR_CONFIG,
                    Files.createTempDirectory(applicationId).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** A serde on the given registry that registers its schema on first use. */
    static <T extends SpecificRecord> ConfluentAvroSerde<T> serde(Class<T> type, SchemaRegistryClient registry) {
        ConfluentAvroSerde<T> serde = new ConfluentAvroSerde<>(type, registry);
        serde.configure(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true), false);
        return serde;
    }
}
