package io.streamtune.trainer.round;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.trainer.round.RoundTrigger.Reason;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RoundTriggerTest {

    private static final Instant LAST = Instant.parse("2026-01-01T00:00:00Z");
    private final RoundTrigger trigger = new RoundTrigger(100, Duration.ofMinutes(10));

    @Test
    void shouldStartWhenEnoughCorrectionsArrived() {
        assertThat(trigger.check(100, LAST, LAST.plusSeconds(1), false)).contains(Reason.CORRECTIONS);
        assertThat(trigger.check(99, LAST, LAST.plusSeconds(1), false)).isEmpty();
    }

    @Test
    void shouldStartAfterIntervalOnlyWithAtLeastOneCorrection() {
        assertThat(trigger.check(1, LAST, LAST.plus(Duration.ofMinutes(10)), false))
                .contains(Reason.INTERVAL);
        assertThat(trigger.check(0, LAST, LAST.plus(Duration.ofHours(10)), false))
                .isEmpty();
        assertThat(trigger.check(1, LAST, LAST.plus(Duration.ofMinutes(9)), false))
                .isEmpty();
    }

    @Test
    void shouldStartOnDemand() {
        assertThat(trigger.check(0, LAST, LAST, true)).contains(Reason.ON_DEMAND);
    }
}
