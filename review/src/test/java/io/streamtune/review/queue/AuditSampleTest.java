package io.streamtune.review.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AuditSampleTest {

    @Test
    void shouldDrawAboutItsRateAndAlwaysTheSameEvents() {
        AuditSample sample = new AuditSample(0.1);
        long drawn = IntStream.range(0, 20_000)
                .filter(i -> sample.draws("event-" + i))
                .count();

        assertThat(drawn).isBetween(1_800L, 2_200L);
        assertThat(new AuditSample(0.1).draws("event-7")).isEqualTo(sample.draws("event-7"));
        assertThat(new AuditSample(0).draws("event-7")).isFalse();
        assertThat(new AuditSample(1).draws("event-7")).isTrue();
    }

    @Test
    void shouldRefuseARateOutsideZeroToOne() {
        assertThatThrownBy(() -> new AuditSample(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
