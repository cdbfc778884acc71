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
    void shouldRejectACandidateWorseOnTheAuditedSampleByMoreThanTheAuditMargin() {
        Gate audited = new Gate("macroF1", 0.0, 1.0, new Gate.AuditRule(0.02, 30));
        Map<String, Double> serving = Map.of("macroF1", 0.46, "auditHoldout.macroF1", 0.81);

        GateDecision worse = audited.decide(
                Map.of("macroF1", 0.79, "auditHoldout.macroF1", 0.78, Gate.AUDIT_EXAMPLES, 40.0), Optional.of(serving));
        GateDecision withinMargin = audited.decide(
                Map.of("macroF1", 0.79, "auditHoldout.macroF1", 0.795, Gate.AUDIT_EXAMPLES, 40.0),
                Optional.of(serving));

        assertThat(worse.promote()).isFalse();
        assertThat(worse.reason())
                .contains("worse on the 40 audited examples")
                .contains("auditHoldout.macroF1 0.7800 < 0.8100 - audit margin 0.0200");
        assertThat(withinMargin.promote()).isTrue();
    }

    @Test
    void shouldNotJudgeOnTooFewAuditsOrWithoutAuditsOrWithTheRuleOff() {
        Gate audited = new Gate("accuracy", 0.0, 1.0, new Gate.AuditRule(0.02, 30));
        Map<String, Double> serving = Map.of("accuracy", 0.5, "auditHoldout.accuracy", 0.9);
        Map<String, Double> fewAudits =
                Map.of("accuracy", 0.8, "auditHoldout.accuracy", 0.1, Gate.AUDIT_EXAMPLES, 29.0);
        Map<String, Double> manyAudits =
                Map.of("accuracy", 0.8, "auditHoldout.accuracy", 0.1, Gate.AUDIT_EXAMPLES, 30.0);

        assertThat(audited.decide(fewAudits, Optional.of(serving)).promote()).isTrue();
        assertThat(audited.decide(manyAudits, Optional.of(serving)).promote()).isFalse();
        assertThat(audited.decide(Map.of("accuracy", 0.8), Optional.of(Map.of("accuracy", 0.5)))
                        .promote())
                .isTrue();
        assertThat(new Gate("accuracy", 0.0, 1.0)
                        .decide(manyAudits, Optional.of(serving))
                        .promote())
                .isTrue();
        assertThatThrownBy(() -> new Gate.AuditRule(1.5, 30)).hasMessageContaining("audit margin");
        assertThatThrownBy(() -> new Gate.AuditRule(0.02, 0)).hasMessageContaining("audit minimum");
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
