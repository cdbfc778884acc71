package io.streamtune.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.classifier.reload.ModelTarget;
import io.streamtune.classifier.reload.StoreUnreachableException;
import io.streamtune.model.artifact.ArtifactContent;
import io.streamtune.model.artifact.ArtifactVerificationException;
import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.artifact.ModelArtifact;
import io.streamtune.model.artifact.StoreUnavailableException;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.classify.ClassifierSettings;
import io.streamtune.model.device.DeviceSelection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the loader reports the failures of a real file-system store before any model is loaded: an unmounted store
 * as {@link StoreUnreachableException} (tried again later), a changed byte or a location outside the store as what
 * the model module says (refused for good). The artifact's bytes are no real model: each case fails before DJL.
 */
class EngineModelLoaderTest {

    @TempDir
    Path folder;

    private FileSystemModelStore store;
    private StoredVersion stored;
    private EngineModelLoader loader;

    @BeforeEach
    void storeAVersion() throws IOException {
        store = new FileSystemModelStore(folder.resolve("store"));
        stored = store.put(ModelArtifact.builder()
                .setModelName("sentiment")
                .setVersion(2)
                .setLabels(List.of("negative", "positive"))
                .setConfig(new ObjectMapper().createObjectNode().put("model_type", "bert"))
                .setWeights(ArtifactContent.ofBytes("weights".getBytes(StandardCharsets.UTF_8)))
                .setTokenizer(ArtifactContent.ofBytes("{}".getBytes(StandardCharsets.UTF_8)))
                .build());
        loader = new EngineModelLoader(store, ClassifierSettings.defaults());
    }

    private ClassifierConfig config(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", "localhost:9092",
                "registry.url", "http://localhost:8081",
                "model.name", "sentiment",
                "model.store.root", store.root().toString()));
        all.putAll(settings);
        return new ClassifierConfig(all);
    }

    @Test
    void shouldLoadOnTheCpuOfThisMachineByDefault() {
        EngineModelLoader fromConfig = EngineModelLoader.fromConfig(config(Map.of()));

        assertThat(fromConfig.device()).isEqualTo("cpu");
        assertThat(fromConfig.settings().djlDevice()).isEqualTo(ai.djl.Device.cpu());
    }

    @Test
    void shouldLoadOnTheGpuChosenAndFallBackToTheCpuWhenItIsMissing() {
        DeviceSelection twoGpus =
                new DeviceSelection(ClassifierConfig.DEVICE, ClassifierConfig.DEVICE_REQUIRED, () -> 2);
        DeviceSelection noGpu = new DeviceSelection(ClassifierConfig.DEVICE, ClassifierConfig.DEVICE_REQUIRED, () -> 0);

        assertThat(EngineModelLoader.fromConfig(config(Map.of()), twoGpus).device())
                .isEqualTo("gpu:0");
        assertThat(EngineModelLoader.fromConfig(config(Map.of(ClassifierConfig.DEVICE, "gpu:1")), twoGpus)
                        .device())
                .isEqualTo("gpu:1");
        assertThat(EngineModelLoader.fromConfig(config(Map.of(ClassifierConfig.DEVICE, "gpu:1")), noGpu)
                        .device())
                .isEqualTo("cpu");
    }

    @Test
    void shouldRefuseToStartWithoutARequiredGpuNamingTheKey() {
        ClassifierConfig required =
                config(Map.of(ClassifierConfig.DEVICE, "gpu:1", ClassifierConfig.DEVICE_REQUIRED, "true"));
        DeviceSelection noGpu = new DeviceSelection(ClassifierConfig.DEVICE, ClassifierConfig.DEVICE_REQUIRED, () -> 0);

        assertThatThrownBy(() -> EngineModelLoader.fromConfig(required, noGpu))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ClassifierConfig.DEVICE + "=gpu:1")
                .hasMessageContaining(ClassifierConfig.DEVICE_REQUIRED + "=true");
    }

    @Test
    void shouldReportAStoreRootThatIsGoneAsUnreachable() throws IOException {
        Files.move(store.root(), folder.resolve("unmounted"));

        assertThatThrownBy(() -> loader.load(announced("sentiment/2")))
                .isInstanceOf(StoreUnreachableException.class)
                .hasCauseInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("StoreUnavailableException")
                .hasMessageContaining(store.root().toString());
    }

    @Test
    void shouldRefuseAChangedByteForGood() throws IOException {
        Path weights = stored.folder().resolve("model.safetensors");
        weights.toFile().setWritable(true);
        Files.writeString(weights, "weighty");

        assertThatThrownBy(() -> loader.load(announced("sentiment/2")))
                .isInstanceOf(ArtifactVerificationException.class)
                .isNotInstanceOf(StoreUnreachableException.class);
    }

    @Test
    void shouldRefuseALocationOutsideTheStoreForGood() {
        assertThatThrownBy(() -> loader.load(announced("../unmounted/sentiment/2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaves the store root");
    }

    private ModelTarget announced(String location) {
        return new ModelTarget("sentiment", 2, location, stored.manifestSha256(), 100, true);
    }
}
