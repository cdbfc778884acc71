package io.streamtune.review.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class UncertaintyTest {

    @Test
    void shouldMeasureMarginEntropyAndLeastConfidence() {
        List<Double> scores = List.of(0.2, 0.5, 0.3);

        assertThat(Uncertainty.MARGIN.of(scores)).isCloseTo(0.8, within(1e-9));
        assertThat(Uncertainty.LEAST_CONFIDENCE.of(scores)).isCloseTo(0.5, within(1e-9));
        double entropy = -(0.2 * Math.log(0.2) + 0.5 * Math.log(0.5) + 0.3 * Math.log(0.3)) / Math.log(3);
        assertThat(Uncertainty.ENTROPY.of(scores)).isCloseTo(entropy, within(1e-9));
    }

    @Test
    void shouldRankAnEvenSplitAsMostUncertainByEveryMeasure() {
        for (Uncertainty measure : Uncertainty.values()) {
            assertThat(measure.of(List.of(0.5, 0.5))).as(measure.key()).isGreaterThan(measure.of(List.of(0.9, 0.1)));
        }
    }

    @Test
    void shouldReadTheSettingNames() {
        assertThat(Uncertainty.fromKey("least-confidence")).isEqualTo(Uncertainty.LEAST_CONFIDENCE);
        assertThat(Uncertainty.MARGIN.key()).isEqualTo("margin");
    }
}
