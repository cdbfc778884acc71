package io.streamtune.classifier.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void shouldCountEachObservationInItsBucketCumulatively() {
        Histogram histogram = new Histogram(1, 10, 100);

        histogram.observe(1);
        histogram.observe(5);
        histogram.observe(50);
        histogram.observe(5_000);

        Histogram.Snapshot snapshot = histogram.snapshot();
        assertThat(snapshot.cumulativeCounts()).containsExactly(1, 2, 3);
        assertThat(snapshot.count()).isEqualTo(4);
        assertThat(snapshot.sum()).isEqualTo(5_056);
    }

    @Test
    void shouldRefuseBoundsThatDoNotIncrease() {
        assertThatThrownBy(() -> new Histogram(1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
