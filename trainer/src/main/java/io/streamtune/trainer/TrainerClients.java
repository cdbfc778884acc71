package io.streamtune.trainer;

import io.streamtune.schemas.Classification;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.serde.ConfluentAvroDeserializer;
import io.streamtune.schemas.serde.ConfluentAvroSerializer;
import io.streamtune.trainer.config.TrainerConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;

/** Builds the trainer's Kafka clients and serdes from its configuration; {@code kafka.*} settings apply to all. */
public final class TrainerClients {

    private final TrainerConfig config;

    public TrainerClients(TrainerConfig config) {
        this.config = config;
    }

    /** The consumer group whose committed training-set offsets mark what the last published round consumed. */
    public String roundGroupId() {
        return "streamtune-trainer-rounds-" + config.modelName();
    }

    /** Kafka Streams settings of feedback ingestion (the Kafka and the serde settings): exactly-once v2. */
    public Properties streamsProperties() {
        Properties props = new Properties();
        props.putAll(config.kafkaSettings());
        props.putAll(config.serdeSettings());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return props;
    }

    /** The transactional publisher's producer; its transactional id is derived from the model name. */
    public KafkaProducer<String, SpecificRecord> publisherProducer() {
        Map<String, Object> props = new HashMap<>(config.kafkaSettings());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        ConfluentAvroSerializer<SpecificRecord> values = new ConfluentAvroSerializer<>();
        values.configure(config.serdeSettings(), false);
        return new KafkaProducer<>(props, new StringSerializer(), values);
    }

    /** The read_committed training-set consumer of the round loop (manual assignment, no auto-commit). */
    public KafkaConsumer<String, LabelCorrection> trainingSetConsumer() {
        return new KafkaConsumer<>(
                consumerProps(roundGroupId()), new StringDeserializer(), deserializer(LabelCorrection.class));
    }

    /** A read_committed consumer of model versions, without a group. */
    public KafkaConsumer<String, ModelVersion> versionsConsumer() {
        return new KafkaConsumer<>(consumerProps(null), new StringDeserializer(), deserializer(ModelVersion.class));
    }

    public ConfluentAvroDeserializer<LabelCorrection> correctionDeserializer() {
        return deserializer(LabelCorrection.class);
    }

    public ConfluentAvroDeserializer<Classification> classificationDeserializer() {
        return deserializer(Classification.class);
    }

    public ConfluentAvroSerializer<LabelCorrection> trainingSetSerializer() {
        ConfluentAvroSerializer<LabelCorrection> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(config.serdeSettings(), false);
        return serializer;
    }

    private <T extends SpecificRecord> ConfluentAvroDeserializer<T> deserializer(Class<T> type) {
        ConfluentAvroDeserializer<T> deserializer = new ConfluentAvroDeserializer<>(type);
        deserializer.configure(config.serdeSettings(), false);
        return deserializer;
    }

    private Map<String, Object> consumerProps(String groupId) {
        Map<String, Object> props = new HashMap<>(config.kafkaSettings());
        if (groupId != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }
}
