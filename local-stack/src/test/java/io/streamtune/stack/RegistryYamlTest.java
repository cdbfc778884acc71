package io.streamtune.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RegistryYamlTest {

    @Test
    void shouldBindOnlyToLoopbackOnTheConfiguredPortWithInMemoryStorage() {
        String yaml = RegistryYaml.render(18081, Path.of("/tmp/jars"));

        assertThat(yaml)
                .contains("bindHost: 127.0.0.1")
                .contains("port: 18081")
                .contains("InMemoryStorageManager")
                .contains("directory: \"/tmp/jars\"");
    }
}
