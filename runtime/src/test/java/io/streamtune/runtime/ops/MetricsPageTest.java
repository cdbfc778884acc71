package io.streamtune.runtime.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsPageTest {

    @Test
    void shouldGroupSamplesOfOneNameUnderOneTypeLineWithEscapedLabels() {
        String page = new MetricsPage()
                .counter("streamtune_dead_letters_total", "Dead letters.", Map.of("reason", "TOO_LONG"), 3)
                .counter("streamtune_dead_letters_total", "Dead letters.", Map.of("reason", "say \"hi\""), 0)
                .render();

        assertThat(page.lines().filter(line -> line.startsWith("# TYPE")))
                .containsExactly("# TYPE streamtune_dead_letters_total counter");
        assertThat(page)
                .contains("streamtune_dead_letters_total{reason=\"TOO_LONG\"} 3.0")
                .contains("streamtune_dead_letters_total{reason=\"say \\\"hi\\\"\"} 0.0");
    }

    @Test
    void shouldSanitiseKafkaNamesAndTags() {
        String page = new MetricsPage()
                .gauge("kafka_consumer-fetch-manager-metrics_records-lag", "Lag.", Map.of("client-id", "c1"), 1.5)
                .render();

        assertThat(page).contains("kafka_consumer_fetch_manager_metrics_records_lag{client_id=\"c1\"} 1.5");
    }

    @Test
    void shouldWriteCumulativeBucketsOfAHistogram() {
        String page = new MetricsPage()
                .histogram(
                        "streamtune_batch_size",
                        "Batch.",
                        Map.of("instance_id", "a"),
                        new double[] {1, 8},
                        new long[] {2, 5},
                        6,
                        30.5)
                .render();

        assertThat(page)
                .contains("# TYPE streamtune_batch_size histogram")
                .contains("streamtune_batch_size_bucket{instance_id=\"a\",le=\"1.0\"} 2")
                .contains("streamtune_batch_size_bucket{instance_id=\"a\",le=\"8.0\"} 5")
                .contains("streamtune_batch_size_bucket{instance_id=\"a\",le=\"+Inf\"} 6")
                .contains("streamtune_batch_size_count{instance_id=\"a\"} 6")
                .contains("streamtune_batch_size_sum{instance_id=\"a\"} 30.5");
    }
}
