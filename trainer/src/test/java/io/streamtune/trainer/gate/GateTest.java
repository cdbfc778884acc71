package io.streamtune.trainer.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GateTest {

    private final Gate gate = new Gate("accuracy", 0.02);

    @Test
    void shouldPromoteBetterCandidate() {
        GateDecision decision = gate.decide(Map.of("accuracy", 0.90), Optional.of(Map.of("accuracy", 0.85)));

        assertThat(decision.promote()).isTrue();
        assertThat(decision.candidate()).isEqualTo(0.90);
        assertThat(decision.inService()).isEqualTo(0.85);
    }

    @Test
    void shouldPromoteSlightlyWorseCandidateWithinMargin() {
        assertThat(gate.decide(Map.of("accuracy", 0.84), Optional.of(Map.of("accuracy", 0.85)))
                        .promote())
                .isTrue();
        assertThat(gate.decide(Map.of("accuracy", 0.835), Optional.of(Map.of("accuracy", 0.85)))
                        .promote())
                .isTrue();
    }

    @Test
    void shouldRejectCandidateWorseThanMargin() {
        GateDecision decision = gate.decide(Map.of("accuracy", 0.82), Optional.of(Map.of("accuracy", 0.85)));

        assertThat(decision.promote()).isFalse();
        assertThat(decision.reason()).contains("0.8200 < 0.8500");
    }

    @Test
    void shouldRejectACandidateThatWinsOnCorrectionsButForgetsTheSeedExamples() {
        Gate guarded = new Gate("macroF1", 0.0, 0.05);

        GateDecision forgets = guarded.decide(
                Map.of("macroF1", 0.79, Gate.SEED_ACCURACY, 0.77),
                Optional.of(Map.of("macroF1", 0.46, Gate.SEED_ACCURACY, 0.91)));
        GateDecision keeps = guarded.decide(
                Map.of("macroF1", 0.79, Gate.SEED_ACCURACY, 0.88),
                Optional.of(Map.of("macroF1", 0.46, Gate.SEED_ACCURACY, 0.91)));
        GateDecision noSeedExamples = guarded.decide(Map.of("macroF1", 0.79), Optional.of(Map.of("macroF1", 0.46)));

        assertThat(forgets.promote()).isFalse();
        assertThat(forgets.reason()).contains("forgets").contains("0.7700 < 0.9100");
        assertThat(keeps.promote()).isTrue();
        assertThat(noSeedExamples.promote()).isTrue();
        assertThat(new Gate("macroF1", 0.0)
                        .decide(
                                Map.of("macroF1", 0.79, Gate.SEED_ACCURACY, 0.10),
                                Optional.of(Map.of("macroF1", 0.46, Gate.SEED_ACCURACY, 0.91)))
                        .promote())
                .isTrue();
    }

    @Test
    void shouldPromoteFirstVersion() {
        assertThat(gate.decide(Map.of("accuracy", 0.5), Optional.empty()).promote())
                .isTrue();
    }

    @Test
    void shouldCompareTheConfiguredMetric() {
        Gate byF1 = new Gate("macroF1", 0.0);

        GateDecision decision = byF1.decide(
                Map.of("accuracy", 0.99, "macroF1", 0.6), Optional.of(Map.of("accuracy", 0.5, "macroF1", 0.7)));

        assertThat(decision.promote()).isFalse();
        assertThatThrownBy(() -> byF1.decide(Map.of("accuracy", 0.9), Optional.empty()))
                .hasMessageContaining("macroF1");
    }
}
