package io.streamtune.systemtests;

import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.schemas.serde.AvroSerdeConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Where an in-process classifier of a system test finds Kafka, the registry, its topics and its model. */
public record ClassifierWiring(
        String bootstrapServers,
        String registryUrl,
        String modelName,
        String events,
        String classifications,
        String deadLetters,
        String modelVersions) {

    /**
     * The classifier's settings: names, store, Kafka, the registry (with the schema auto-registration a fresh
     * registry needs), topics, the instance id, any free HTTP port and a state folder; everything else at its default
     * unless the caller adds keys.
     */
    public Map<String, String> settings(String instanceId, Path storeRoot, Path stateDir) {
        Map<String, String> settings = new HashMap<>();
        settings.put(ClassifierConfig.APPLICATION_ID, "classifier-" + modelName);
        settings.put(ClassifierConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        settings.put(ClassifierConfig.SCHEMA_REGISTRY_URL, registryUrl);
        settings.put(ClassifierConfig.REGISTRY_PREFIX + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "true");
        settings.put(ClassifierConfig.INPUT_TOPIC, events);
        settings.put(ClassifierConfig.OUTPUT_TOPIC, classifications);
        settings.put(ClassifierConfig.DLQ_TOPIC, deadLetters);
        settings.put(ClassifierConfig.MODEL_VERSIONS_TOPIC, modelVersions);
        settings.put(ClassifierConfig.MODEL_NAME, modelName);
        settings.put(ClassifierConfig.MODEL_STORE_ROOT, storeRoot.toString());
        settings.put(ClassifierConfig.INSTANCE_ID, instanceId);
        settings.put(ClassifierConfig.HTTP_PORT, "0");
        settings.put(ClassifierConfig.KAFKA_PREFIX + "state.dir", stateDir.toString());
        return settings;
    }

    /** {@link #settings} for a stand-in model: small batches and a short commit interval, so results show quickly. */
    public ClassifierConfig standInConfig(String instanceId, Path storeRoot, Path stateDir) {
        return new ClassifierConfig(standInSettings(instanceId, storeRoot, stateDir));
    }

    /** The settings of {@link #standInConfig}, for a caller that adds keys. */
    public Map<String, String> standInSettings(String instanceId, Path storeRoot, Path stateDir) {
        Map<String, String> settings = settings(instanceId, storeRoot, stateDir);
        settings.put(ClassifierConfig.BATCH_MAX_RECORDS, "16");
        settings.put(ClassifierConfig.KAFKA_PREFIX + "commit.interval.ms", "100");
        return settings;
    }
}
