package io.streamtune.classifier.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateMeterTest {

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final RateMeter meter = new RateMeter(10, clock::get);

    @Test
    void shouldAverageWholeSecondsOfTheWindowAndIgnoreTheCurrentOne() {
        for (int second = 0; second < 10; second++) {
            meter.mark(20);
            clock.addAndGet(1_000);
        }
        meter.mark(1_000);

        assertThat(meter.perSecond()).isEqualTo(20.0);
    }

    @Test
    void shouldForgetSecondsOlderThanTheWindow() {
        meter.mark(500);
        clock.addAndGet(11_000);

        assertThat(meter.perSecond()).isZero();
    }
}
