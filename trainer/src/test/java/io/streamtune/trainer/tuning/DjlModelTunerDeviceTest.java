package io.streamtune.trainer.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.model.device.DeviceSelection;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.config.TrainerConfigTest;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** Where a trainer configuration trains and evaluates: the device chosen once from trainer.device. */
class DjlModelTunerDeviceTest {

    private static TrainerConfig config(Map<String, Object> device) {
        Map<String, Object> settings = TrainerConfigTest.minimal();
        settings.putAll(device);
        return new TrainerConfig(settings);
    }

    private static DeviceSelection withGpus(int count) {
        return new DeviceSelection(TrainerConfig.DEVICE, TrainerConfig.DEVICE_REQUIRED, () -> count);
    }

    @Test
    void shouldTrainOnTheCpuOfThisMachineByDefault() {
        assertThat(DjlModelTuner.inferenceSettings(config(Map.of())).device()).isEqualTo("cpu");
    }

    @Test
    void shouldTrainOnTheGpuChosen() {
        assertThat(DjlModelTuner.inferenceSettings(config(Map.of()), withGpus(2))
                        .djlDevice())
                .isEqualTo(ai.djl.Device.gpu(0));
        assertThat(DjlModelTuner.inferenceSettings(config(Map.of(TrainerConfig.DEVICE, "gpu:1")), withGpus(2))
                        .device())
                .isEqualTo("gpu:1");
        assertThat(DjlModelTuner.inferenceSettings(config(Map.of(TrainerConfig.DEVICE, "gpu:1")), withGpus(0))
                        .device())
                .isEqualTo("cpu");
    }

    @Test
    void shouldRefuseToStartWithoutARequiredGpuNamingTheKey() {
        TrainerConfig required = config(Map.of(TrainerConfig.DEVICE, "gpu:3", TrainerConfig.DEVICE_REQUIRED, "true"));

        assertThatThrownBy(() -> DjlModelTuner.inferenceSettings(required, withGpus(2)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(TrainerConfig.DEVICE + "=gpu:3")
                .hasMessageContaining(TrainerConfig.DEVICE_REQUIRED + "=true");
    }
}
