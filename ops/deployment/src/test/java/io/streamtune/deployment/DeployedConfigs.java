package io.streamtune.deployment;

import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.classifier.config.ConfigLoader;
import io.streamtune.review.config.ReviewConfig;
import io.streamtune.runtime.config.SharedKeys;
import io.streamtune.schemas.serde.AvroSerdeConfig;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.config.TrainerConfigLoader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The configuration each application service of docker-compose.yml gets: the properties file its command names
 * (resolved through the service's bind mounts) and its environment, loaded by the application's own loader.
 */
final class DeployedConfigs {

    private final ComposeFile compose;

    DeployedConfigs(ComposeFile compose) {
        this.compose = compose;
    }

    ClassifierConfig classifier(String service) {
        return ConfigLoader.load(configFile(service), compose.environment(service));
    }

    TrainerConfig trainer(String service) {
        return TrainerConfigLoader.load(configFile(service), compose.environment(service));
    }

    ReviewConfig review(String service) {
        return ReviewConfig.load(configFile(service), compose.environment(service));
    }

    /** The host file of the one bind-mounted file named in the service's command. */
    Path configFile(String service) {
        List<Path> files = compose.command(service).stream()
                .flatMap(argument -> compose.hostPathOf(service, argument).stream())
                .toList();
        if (files.size() != 1) {
            throw new AssertionError(service + ": expected one mounted config file in the command, found " + files);
        }
        return files.get(0);
    }

    /**
     * Pass-through keys the classifier would hand on unknown: under {@code registry.} but not a serde setting, or under
     * {@code kafka.} but not a Kafka Streams, consumer or producer setting (the classifier refuses other unknown keys).
     */
    static Set<String> unknownClassifierKeys(ClassifierConfig config) {
        return unknownPassThroughKeys(
                config.originals().keySet(), ClassifierConfig.definition().names());
    }

    /** Pass-through keys of the trainer that neither Kafka nor the Avro serdes know. */
    static Set<String> unknownTrainerKafkaKeys(TrainerConfig config) {
        return unknownPassThroughKeys(
                config.originals().keySet(), TrainerConfig.definition().names());
    }

    private static Set<String> unknownPassThroughKeys(Set<String> keys, Set<String> defined) {
        Set<String> unknown = new TreeSet<>();
        for (String key : keys) {
            boolean passThrough = key.startsWith(SharedKeys.KAFKA_PREFIX) || key.startsWith(SharedKeys.REGISTRY_PREFIX);
            boolean known = defined.contains(key)
                    || isSerdeSetting(key, SharedKeys.REGISTRY_PREFIX)
                    || isKafkaSetting(key, SharedKeys.KAFKA_PREFIX);
            if (passThrough && !known) {
                unknown.add(key);
            }
        }
        return unknown;
    }

    private static boolean isSerdeSetting(String key, String prefix) {
        return key.startsWith(prefix) && AvroSerdeConfig.definition().names().contains(key.substring(prefix.length()));
    }

    private static boolean isKafkaSetting(String key, String prefix) {
        if (!key.startsWith(prefix)) {
            return false;
        }
        Set<String> kafkaKeys = new HashSet<>(StreamsConfig.configDef().names());
        kafkaKeys.addAll(ConsumerConfig.configNames());
        kafkaKeys.addAll(ProducerConfig.configNames());
        return kafkaKeys.contains(key.substring(prefix.length()));
    }
}
