package io.streamtune.trainer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.model.base.BuiltInBase;
import io.streamtune.model.device.DeviceRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class TrainerConfigTest {

    /** The fewest keys a trainer starts with. */
    public static Map<String, Object> minimal() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("model.name", "sentiment");
        settings.put("model.labels", "neg,pos");
        settings.put("model.store.root", "/tmp/models");
        settings.put("schema.registry.url", "http://localhost:8081");
        settings.put("kafka.bootstrap.servers", "localhost:9092");
        return settings;
    }

    @Test
    void shouldTakeSerdeKeysFromRegistryAndClientKeysFromKafkaIgnoringTheClassifiersKeys() {
        Map<String, Object> settings = minimal();
        settings.remove("schema.registry.url");
        settings.put("registry.url", "http://registry:8081");
        settings.put("registry.auto.register.schemas", "true");
        settings.put("kafka.auto.register.schemas", "false");
        settings.put("classifier.batch.max.records", "8");
        settings.put("trainer.round.trigger.corrections", "50");

        TrainerConfig config = new TrainerConfig(settings);

        assertThat(config.roundTriggerCorrections()).isEqualTo(50);
        assertThat(config.serdeSettings())
                .containsEntry("schema.registry.url", "http://registry:8081")
                .containsEntry("auto.register.schemas", "true");
        assertThat(config.kafkaSettings()).containsOnlyKeys("bootstrap.servers");
    }

    @Test
    void shouldApplyDefaultsToMinimalSettings() {
        TrainerConfig config = new TrainerConfig(minimal());

        assertThat(config.modelName()).isEqualTo("sentiment");
        assertThat(config.labels()).containsExactly("neg", "pos");
        assertThat(config.roundTriggerCorrections()).isEqualTo(200);
        assertThat(config.roundTriggerInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.holdoutFraction()).isEqualTo(0.2);
        assertThat(config.gateMetric()).isEqualTo("macroF1");
        assertThat(config.allowedAnnotators()).isEmpty();
        assertThat(config.applicationId()).isEqualTo("streamtune-trainer-sentiment");
        assertThat(config.transactionalId()).endsWith("sentiment");
    }

    @Test
    void shouldPassKafkaSettingsThroughWithoutPrefix() {
        Map<String, Object> settings = minimal();
        settings.put("kafka.security.protocol", "SASL_SSL");

        TrainerConfig config = new TrainerConfig(settings);

        assertThat(config.kafkaSettings())
                .containsEntry("bootstrap.servers", "localhost:9092")
                .containsEntry("security.protocol", "SASL_SSL");
        assertThat(config.serdeSettings()).containsEntry("schema.registry.url", "http://localhost:8081");
    }

    @Test
    void shouldRefuseUnknownKeyNamingIt() {
        Map<String, Object> settings = minimal();
        settings.put("round.trigger.correction", "5");

        assertThatThrownBy(() -> new TrainerConfig(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("round.trigger.correction");
    }

    @Test
    void shouldRefuseInvalidValueNamingTheKey() {
        Map<String, Object> settings = minimal();
        settings.put("round.holdout.fraction", "1.5");

        assertThatThrownBy(() -> new TrainerConfig(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("round.holdout.fraction");
    }

    @Test
    void shouldAskForTheAutomaticDeviceByDefaultAndReadAnother() {
        Map<String, Object> settings = minimal();

        assertThat(new TrainerConfig(settings).device()).isEqualTo(DeviceRequest.AUTO);
        assertThat(new TrainerConfig(settings).deviceRequired()).isFalse();

        settings.put(TrainerConfig.DEVICE, "gpu:2");
        settings.put(TrainerConfig.DEVICE_REQUIRED, "true");
        assertThat(new TrainerConfig(settings).device()).isEqualTo(DeviceRequest.gpu(2));
        assertThat(new TrainerConfig(settings).deviceRequired()).isTrue();
    }

    @Test
    void shouldRefuseAnUnknownDeviceNamingTheKey() {
        Map<String, Object> settings = minimal();
        settings.put(TrainerConfig.DEVICE, "tpu");

        assertThatThrownBy(() -> new TrainerConfig(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(TrainerConfig.DEVICE)
                .hasMessageContaining("must be auto, cpu or gpu:N");
        settings.put(TrainerConfig.DEVICE, "cpu");
        settings.put(TrainerConfig.DEVICE_REQUIRED, "sometimes");
        assertThatThrownBy(() -> new TrainerConfig(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(TrainerConfig.DEVICE_REQUIRED);
    }

    @Test
    void shouldRefuseDuplicateLabels() {
        Map<String, Object> settings = minimal();
        settings.put("model.labels", "pos,neg,pos");

        assertThatThrownBy(() -> new TrainerConfig(settings)).hasMessageContaining("model.labels");
    }

    @Test
    void shouldRefuseMissingBootstrapServers() {
        Map<String, Object> settings = minimal();
        settings.remove("kafka.bootstrap.servers");

        assertThatThrownBy(() -> new TrainerConfig(settings)).hasMessageContaining("kafka.bootstrap.servers");
    }

    @Test
    void shouldLetEnvironmentOverrideFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("trainer.properties");
        StringBuilder text = new StringBuilder();
        minimal()
                .forEach((key, value) ->
                        text.append(key).append('=').append(value).append('\n'));
        text.append("gate.margin=0.05\n");
        Files.writeString(file, text);

        TrainerConfig config = TrainerConfigLoader.load(
                file,
                Map.of(
                        "STREAMTUNE_TRAINER_GATE_MARGIN", "0.1",
                        "STREAMTUNE_TRAINER_KAFKA_BOOTSTRAP_SERVERS", "broker:9093",
                        "UNRELATED", "x"));

        assertThat(config.gateMargin()).isEqualTo(0.1);
        assertThat(config.kafkaSettings()).containsEntry("bootstrap.servers", "broker:9093");
    }

    @Test
    void shouldRefuseUnknownEnvironmentKey() {
        assertThatThrownBy(() -> TrainerConfigLoader.load(null, Map.of("STREAMTUNE_TRAINER_MODEL_NAMES", "x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("model.names");
    }

    @Test
    void shouldDefaultToMiniLmBaseAndAcceptBgeSmall() {
        Map<String, Object> settings = minimal();

        assertThat(new TrainerConfig(settings).builtInBase()).isEqualTo(BuiltInBase.ALL_MINILM_L6_V2);
        settings.put(TrainerConfig.MODEL_BASE, "bge-small-en-v1.5");
        assertThat(new TrainerConfig(settings).builtInBase()).isEqualTo(BuiltInBase.BGE_SMALL_EN_V1_5);
    }

    @Test
    void shouldRefuseUnknownBaseNamingTheKeyAndTheChoices() {
        Map<String, Object> settings = minimal();
        settings.put(TrainerConfig.MODEL_BASE, "bert-base-uncased");

        assertThatThrownBy(() -> new TrainerConfig(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("model.base")
                .hasMessageContaining("bge-small-en-v1.5");
    }

    @Test
    void shouldAcceptAnEmptyBasePathOrACheckpointFolder(@TempDir Path dir) throws IOException {
        Path folder = checkpointFolder(dir, "bert");
        Map<String, Object> settings = minimal();

        assertThat(new TrainerConfig(settings).baseModelPath()).isEmpty();
        settings.put(TrainerConfig.MODEL_BASE_PATH, folder.toString());
        assertThat(new TrainerConfig(settings).baseModelPath()).contains(folder);
    }

    @Test
    void shouldRefuseABasePathThatIsNotACheckpointNamingTheKey(@TempDir Path dir) throws IOException {
        Path folder = checkpointFolder(dir, "bert");
        Files.delete(folder.resolve("tokenizer.json"));

        assertThatThrownBy(() -> configWithBase(folder))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("model.base.path")
                .hasMessageContaining("has no tokenizer.json");
        assertThatThrownBy(() -> configWithBase(dir.resolve("missing")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("model.base.path")
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> configWithBase(checkpointFolder(dir.resolve("other"), "roberta")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("model.base.path")
                .hasMessageContaining("unsupported model_type 'roberta'");
    }

    private static TrainerConfig configWithBase(Path folder) {
        Map<String, Object> settings = minimal();
        settings.put(TrainerConfig.MODEL_BASE_PATH, folder.toString());
        return new TrainerConfig(settings);
    }

    /** The three files; only config.json is read by validation. */
    private static Path checkpointFolder(Path dir, String modelType) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve("config.json"),
                "{\"model_type\": \"" + modelType + "\", \"architectures\": [\"BertModel\"], \"vocab_size\": 10,"
                        + " \"hidden_size\": 8, \"num_hidden_layers\": 1, \"num_attention_heads\": 2,"
                        + " \"intermediate_size\": 16, \"max_position_embeddings\": 16}");
        Files.writeString(dir.resolve("model.safetensors"), "");
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        return dir;
    }
}
