package io.streamtune.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackStateFileTest {

    @Test
    void shouldRestoreThePortsAStackWasStartedWith(@TempDir Path dir) {
        StackConfig started = StackConfig.fromEnvironment()
                .withDataDir(dir)
                .withKafkaPorts(19092, 19093)
                .withRegistryPort(18081);
        StackStateFile.save(started);

        StackConfig restored =
                StackStateFile.restore(StackConfig.fromEnvironment().withDataDir(dir));

        assertThat(restored.kafkaPort()).isEqualTo(19092);
        assertThat(restored.controllerPort()).isEqualTo(19093);
        assertThat(restored.registryPort()).isEqualTo(18081);
    }

    @Test
    void shouldKeepTheGivenConfigurationWhenNothingWasRecorded(@TempDir Path dir) {
        StackConfig config = StackConfig.fromEnvironment().withDataDir(dir);

        assertThat(StackStateFile.restore(config)).isEqualTo(config);
    }
}
