package io.streamtune.trainer.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.config.TrainerConfigTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TuningSettingsTest {

    @Test
    void shouldTrainTheFirstVersionOnEverySeedExampleAndStopRoundsEarly() {
        TuningSettings settings = TuningSettings.from(new TrainerConfig(TrainerConfigTest.minimal()));

        assertThat(settings.configFor(false).holdoutFraction()).as("bootstrap").isZero();
        assertThat(settings.configFor(true).holdoutFraction()).as("a round").isEqualTo(0.1);
        assertThat(settings.configFor(false).learningRate())
                .isEqualTo(settings.configFor(true).learningRate());
    }

    @Test
    void shouldBlendARoundWithHalfOfTheVersionInService() {
        TuningSettings settings = TuningSettings.from(new TrainerConfig(TrainerConfigTest.minimal()));

        assertThat(settings.configFor(true).parentBlend()).isEqualTo(0.5f);

        Map<String, Object> keys = TrainerConfigTest.minimal();
        keys.put(TrainerConfig.TRAINING_PARENT_BLEND, "0");
        assertThat(TuningSettings.from(new TrainerConfig(keys)).configFor(true).parentBlend())
                .isZero();
    }

    @Test
    void shouldTakeEachShareFromItsOwnKey() {
        Map<String, Object> keys = TrainerConfigTest.minimal();
        keys.put(TrainerConfig.TRAINING_BOOTSTRAP_EARLY_STOPPING_FRACTION, "0.2");
        keys.put(TrainerConfig.TRAINING_EARLY_STOPPING_FRACTION, "0");

        TuningSettings settings = TuningSettings.from(new TrainerConfig(keys));

        assertThat(settings.configFor(false).holdoutFraction()).isEqualTo(0.2);
        assertThat(settings.configFor(true).holdoutFraction()).isZero();
    }

    @Test
    void shouldTakeEachLearningRateFromItsOwnKey() {
        Map<String, Object> keys = TrainerConfigTest.minimal();
        keys.put(TrainerConfig.TRAINING_BOOTSTRAP_LEARNING_RATE, "2e-4");
        keys.put(TrainerConfig.TRAINING_LEARNING_RATE, "3e-5");

        TuningSettings settings = TuningSettings.from(new TrainerConfig(keys));

        assertThat(settings.configFor(false).learningRate()).as("bootstrap").isEqualTo(2e-4f);
        assertThat(settings.configFor(true).learningRate()).as("a round").isEqualTo(3e-5f);
    }
}
