package io.streamtune.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StackConfigTest {

    @Test
    void shouldDefaultToTheWellKnownPortsAndTheRepositoryFolders() {
        StackConfig config = StackConfig.fromEnvironment();
        Path root = RepositoryRoot.locate();

        assertThat(config.kafkaPort()).isEqualTo(9092);
        assertThat(config.registryPort()).isEqualTo(8081);
        assertThat(config.dataDir()).isEqualTo(root.resolve(".streamtune"));
        assertThat(config.brokerClasspath())
                .isEqualTo(root.resolve("local-stack/broker-runtime/target/runtime.classpath"));
    }

    @Test
    void shouldRejectAnImpossiblePortNamingTheSetting() {
        assertThatThrownBy(() -> StackConfig.fromEnvironment().withRegistryPort(70_000))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("streamtune.registry.port")
                .hasMessageContaining("STREAMTUNE_REGISTRY_PORT");
    }

    @Test
    void shouldNameTheEnvironmentVariableAfterTheProperty() {
        assertThat(Settings.environmentName("streamtune.kafka.controller.port"))
                .isEqualTo("STREAMTUNE_KAFKA_CONTROLLER_PORT");
    }

    @Test
    void shouldKeepOtherValuesWhenOneIsReplaced() {
        StackConfig config = StackConfig.fromEnvironment().withStartTimeout(Duration.ofSeconds(5));

        assertThat(config.withRegistryPort(18081).startTimeout()).isEqualTo(Duration.ofSeconds(5));
    }
}
