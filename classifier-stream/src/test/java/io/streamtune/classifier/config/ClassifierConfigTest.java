package io.streamtune.classifier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.schemas.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierConfigTest {

    private static final Map<String, String> REQUIRED_ENV = Map.of(
            "STREAMTUNE_BOOTSTRAP_SERVERS", "localhost:9092",
            "STREAMTUNE_SCHEMA_REGISTRY_URL", "http://localhost:8081",
            "STREAMTUNE_MODEL_NAME", "sentiment",
            "STREAMTUNE_MODEL_STORE_ROOT", "/models");

    @TempDir
    Path folder;

    @Test
    void shouldReadTheSharedFileIgnoringTheTrainersKeysAndRefusingUnknownOnes() throws IOException {
        Path file = write("""
                kafka.bootstrap.servers=broker:9092
                registry.url=http://registry:8081
                registry.auto.register.schemas=true
                model.name=genres
                model.labels=news,fiction
                model.store.root=/models
                topic.classifications=classified
                classifier.batch.max.records=8
                trainer.round.trigger.corrections=50
                """);

        ClassifierConfig config = ConfigLoader.load(file, Map.of());

        assertThat(config.batchMaxRecords()).isEqualTo(8);
        assertThat(config.outputTopic()).isEqualTo("classified");
        assertThat(config.streamsConfig()).containsEntry("bootstrap.servers", "broker:9092");
        assertThat(config.serdeConfig())
                .containsEntry("schema.registry.url", "http://registry:8081")
                .containsEntry("auto.register.schemas", "true")
                .doesNotContainKey("url");
        Path misspelt = write(Files.readString(file) + "classifier.batch.max.record=8\n");
        assertThatThrownBy(() -> ConfigLoader.load(misspelt, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'classifier.batch.max.record'");
    }

    @Test
    void shouldTakeDefaultsForWhatNeitherFileNorEnvironmentSets() {
        ClassifierConfig config = ConfigLoader.load(null, REQUIRED_ENV);

        assertThat(config.inputTopic()).isEqualTo(Topics.TEXT_EVENTS);
        assertThat(config.outputTopic()).isEqualTo(Topics.CLASSIFICATIONS);
        assertThat(config.deadLetterTopic()).isEqualTo(Topics.TEXT_EVENTS_DLQ);
        assertThat(config.batchMaxRecords()).isEqualTo(32);
        assertThat(config.device()).isEqualTo(Device.AUTO);
        assertThat(config.deviceRequired()).isFalse();
        assertThat(config.pinnedVersion()).isEmpty();
        assertThat(config.reloadRetryBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.reloadRetryBackoffMax()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.modelMaxWindows()).isEqualTo(8);
        assertThat(config.modelWindowPooling()).isEqualTo("MEAN");
        assertThat(config.textMaxBytes()).isEqualTo(1_048_576);
    }

    @Test
    void shouldRefuseAnUnknownWindowPoolingNamingTheKey() {
        assertThatThrownBy(
                        () -> ConfigLoader.load(null, with(REQUIRED_ENV, "STREAMTUNE_MODEL_WINDOW_POOLING", "median")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ClassifierConfig.MODEL_WINDOW_POOLING);
    }

    @Test
    void shouldLetEnvironmentOverrideTheFile() throws IOException {
        Path file = write("batch.max.records=8\nbatch.max.wait.ms=20\nmodel.version.pinned=3\n");

        ClassifierConfig config = ConfigLoader.load(file, with(REQUIRED_ENV, "STREAMTUNE_BATCH_MAX_RECORDS", "64"));

        assertThat(config.batchMaxRecords()).isEqualTo(64);
        assertThat(config.batchMaxWaitMs()).isEqualTo(20);
        assertThat(config.pinnedVersion()).hasValue(3);
    }

    @Test
    void shouldPassKafkaKeysThroughUntouchedAndForceExactlyOnce() throws IOException {
        Path file = write("kafka.security.protocol=SASL_SSL\nkafka.sasl.jaas.config=secret stuff\n");

        ClassifierConfig config =
                ConfigLoader.load(file, with(REQUIRED_ENV, "STREAMTUNE_KAFKA_SASL_MECHANISM", "PLAIN"));

        assertThat(config.streamsConfig())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.jaas.config", "secret stuff")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        assertThat(config.clientConfig()).containsEntry("sasl.mechanism", "PLAIN");
    }

    @Test
    void shouldShortenTheSessionTimeoutUnlessSet() throws IOException {
        ClassifierConfig defaults = ConfigLoader.load(null, REQUIRED_ENV);
        ClassifierConfig set = ConfigLoader.load(write("kafka.consumer.session.timeout.ms=45000\n"), REQUIRED_ENV);

        assertThat(defaults.streamsConfig())
                .containsEntry("consumer.session.timeout.ms", 10_000)
                .containsEntry("consumer.heartbeat.interval.ms", 3_000);
        assertThat(set.streamsConfig()).containsEntry("consumer.session.timeout.ms", "45000");
    }

    @Test
    void shouldPassRegistryKeysToTheSerde() {
        ClassifierConfig config =
                ConfigLoader.load(null, with(REQUIRED_ENV, "STREAMTUNE_REGISTRY_AUTO_REGISTER_SCHEMAS", "true"));

        assertThat(config.serdeConfig())
                .containsEntry("schema.registry.url", "http://localhost:8081")
                .containsEntry("auto.register.schemas", "true");
    }

    @Test
    void shouldNameTheKeyOfAnInvalidValue() {
        assertThatThrownBy(() -> ConfigLoader.load(null, with(REQUIRED_ENV, "STREAMTUNE_BATCH_MAX_RECORDS", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("batch.max.records");
        assertThatThrownBy(() -> ConfigLoader.load(null, with(REQUIRED_ENV, "STREAMTUNE_DEVICE", "tpu")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("device");
        assertThatThrownBy(() ->
                        ConfigLoader.load(null, with(REQUIRED_ENV, "STREAMTUNE_SCHEMA_REGISTRY_URL", "localhost:8081")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void shouldRefuseARetryBackoffMaxShorterThanTheInitialBackoff() throws IOException {
        Path file = write("reload.retry.backoff.ms=5000\nreload.retry.backoff.max.ms=4000\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, REQUIRED_ENV))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("reload.retry.backoff.max.ms")
                .hasMessageContaining("must be at least " + ClassifierConfig.RELOAD_RETRY_BACKOFF_MS)
                .hasMessageContaining("was given as reload.retry.backoff.ms");
        assertThatThrownBy(() -> ConfigLoader.load(null, with(REQUIRED_ENV, "STREAMTUNE_RELOAD_RETRY_BACKOFF_MS", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("reload.retry.backoff.ms");
    }

    @Test
    void shouldNameAMissingRequiredKey() {
        Map<String, String> env = new HashMap<>(REQUIRED_ENV);
        env.remove("STREAMTUNE_MODEL_NAME");

        assertThatThrownBy(() -> ConfigLoader.load(null, env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("model.name");
    }

    @Test
    void shouldReadTheDeviceAndWhetherItIsRequired() {
        Map<String, String> env = with(
                with(REQUIRED_ENV, "STREAMTUNE_CLASSIFIER_DEVICE", "gpu:1"),
                "STREAMTUNE_CLASSIFIER_DEVICE_REQUIRED",
                "true");

        ClassifierConfig config = ConfigLoader.load(null, env);

        assertThat(config.device()).isEqualTo(new Device(1));
        assertThat(config.deviceRequired()).isTrue();
        assertThat(ConfigLoader.load(null, with(REQUIRED_ENV, "STREAMTUNE_CLASSIFIER_DEVICE", "cpu"))
                        .device())
                .isEqualTo(Device.CPU);
        assertThat(Device.parse("auto").isAuto()).isTrue();
        assertThat(Device.parse("gpu:1").isGpu()).isTrue();
        assertThat(Device.parse("auto")).hasToString("auto");
    }

    @Test
    void shouldRefuseAnUnknownDeviceNamingTheKey() {
        for (String bad : new String[] {"tpu", "gpu:", "gpu", "GPU:0", "cuda:0"}) {
            assertThatThrownBy(() -> ConfigLoader.load(null, with(REQUIRED_ENV, "STREAMTUNE_CLASSIFIER_DEVICE", bad)))
                    .as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(ClassifierConfig.DEVICE)
                    .hasMessageContaining("must be auto, cpu or gpu:N");
        }
        assertThatThrownBy(() ->
                        ConfigLoader.load(null, with(REQUIRED_ENV, "STREAMTUNE_CLASSIFIER_DEVICE_REQUIRED", "maybe")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ClassifierConfig.DEVICE_REQUIRED);
    }

    private Path write(String content) throws IOException {
        Path file = folder.resolve("classifier.properties");
        Files.writeString(file, content);
        return file;
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> env = new HashMap<>(base);
        env.put(name, value);
        return env;
    }
}
