package io.streamtune.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.model.tokenize.TextWindows;
import io.streamtune.model.tokenize.TokenizerConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The classifier's window keys (config may not import the model module) agree with the model's defaults. */
class WindowDefaultsTest {

    @Test
    void shouldDefaultToTheModelModulesWindowCapAndAKnownPooling() {
        ClassifierConfig config = new ClassifierConfig(Map.of(
                ClassifierConfig.BOOTSTRAP_SERVERS, "localhost:9092",
                ClassifierConfig.SCHEMA_REGISTRY_URL, "http://localhost:8081",
                ClassifierConfig.MODEL_NAME, "sentiment",
                ClassifierConfig.MODEL_STORE_ROOT, "/models"));

        assertThat(config.modelMaxWindows()).isEqualTo(TokenizerConfig.DEFAULT_MAX_WINDOWS);
        assertThat(TextWindows.Pooling.valueOf(config.modelWindowPooling())).isEqualTo(TextWindows.Pooling.MEAN);
    }
}
