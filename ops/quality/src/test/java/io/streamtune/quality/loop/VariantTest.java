package io.streamtune.quality.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.trainer.config.TrainerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class VariantTest {

    private static final Path STORE = Path.of("/tmp/store");
    private static final List<String> LABELS = List.of("neg", "pos");

    @Test
    void shouldRunTheTrainerDefaultsWithTheHarnessKeysWhenNothingIsOverridden() {
        TrainerConfig defaults = new Variant("default", Map.of()).configFor("few-labels", LABELS, 1, STORE);

        assertThat(defaults.modelName()).isEqualTo("quality-few-labels");
        assertThat(defaults.labels()).containsExactly("neg", "pos");
        assertThat(defaults.storeRoot()).isEqualTo(STORE);
        assertThat(defaults.seed()).isEqualTo(42L);
        assertThat(defaults.roundTriggerCorrections()).isEqualTo(200);
    }

    @Test
    void shouldApplyOverridesInTheTrainersOwnKeys() {
        Map<String, String> overrides =
                Variant.parseOverrides(List.of("training.learning.rate=1e-4", "round.replay.ratio = 3"));

        TrainerConfig config = new Variant("lr", overrides).configFor("long", LABELS, 1, STORE);

        assertThat(config.learningRate()).isEqualTo(1e-4);
        assertThat(config.replayRatio()).isEqualTo(3.0);
    }

    @Test
    void shouldMoveTheRoundSeedWithTheRunSeed() {
        assertThat(new Variant("v", Map.of())
                        .configFor("long", LABELS, 3, STORE)
                        .seed())
                .isEqualTo(44L);
        assertThat(new Variant("v", Map.of("round.seed", "7"))
                        .configFor("long", LABELS, 2, STORE)
                        .seed())
                .isEqualTo(8L);
    }

    @Test
    void shouldRefuseAnUnknownKeyNamingIt() {
        Variant typo = new Variant("typo", Map.of("training.learnin.rate", "1e-4"));

        assertThatThrownBy(() -> typo.configFor("long", LABELS, 1, STORE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("training.learnin.rate");
    }

    @Test
    void shouldRefuseOverridesOfTheKeysTheHarnessOwns() {
        assertThatThrownBy(() -> new Variant("v", Map.of("model.labels", "a,b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model.labels");
    }

    @Test
    void shouldRefuseAnArgumentThatIsNotKeyEqualsValue() {
        assertThatThrownBy(() -> Variant.parseOverrides(List.of("training.epochs")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key=value");
    }

    @Test
    void shouldDescribeTheOverridesSortedByKey() {
        Variant variant = new Variant("v", Map.of("round.replay.ratio", "3", "gate.margin", "0.01"));

        assertThat(variant.describe()).isEqualTo("gate.margin=0.01 round.replay.ratio=3");
    }
}
