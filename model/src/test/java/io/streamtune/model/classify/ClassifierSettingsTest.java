package io.streamtune.model.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class ClassifierSettingsTest {

    @Test
    void shouldParseCpuAndNumberedGpu() {
        assertThat(ClassifierSettings.defaults().djlDevice()).isEqualTo(Device.cpu());
        assertThat(ClassifierSettings.defaults().withDevice("gpu:1").djlDevice())
                .isEqualTo(Device.gpu(1));
    }

    @Test
    void shouldRefuseUnknownDeviceNamingIt() {
        assertThatThrownBy(() -> ClassifierSettings.defaults().withDevice("tpu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'tpu'");
    }

    @Test
    void shouldRefuseMaxLengthBeyondBert() {
        assertThatThrownBy(() -> ClassifierSettings.defaults().withMaxLength(513))
                .hasMessageContaining("maxLength must be in [3, 512]");
    }
}
