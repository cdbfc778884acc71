package io.streamtune.classifier.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.classifier.deadletter.DeadLetterReason;
import io.streamtune.classifier.metrics.ClassifierMetrics;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsRendererTest {

    private final ClassifierMetrics metrics = new ClassifierMetrics();
    private final Metrics kafka = new Metrics();

    @AfterEach
    void stop() {
        kafka.close();
    }

    @Test
    void shouldSayTheModelRunsOnTheGpuChosen() {
        metrics.setDevice("gpu:1");

        String page = new MetricsRenderer(metrics, Map::of, "instance-a").render();

        assertThat(page)
                .contains("# TYPE streamtune_device_gpu gauge")
                .contains("streamtune_device_gpu{device=\"gpu:1\",instance_id=\"instance-a\"} 1.0");
    }

    @Test
    void shouldRenderTheClassifiersAndKafkasMetricsAsPrometheusText() {
        metrics.recordAccepted();
        metrics.recordBatch(3, 12);
        metrics.recordClassified(4, 30);
        metrics.recordDeadLetter(DeadLetterReason.EMPTY_TEXT);
        metrics.recordReload(5);
        metrics.recordFailedReload();
        kafka.sensor("records")
                .add(
                        kafka.metricName("process-total", "stream-thread-metrics", "doc", Map.of("thread-id", "t-1")),
                        new CumulativeSum());
        kafka.sensor("records").record(42);
        kafka.sensor("lag")
                .add(kafka.metricName("records-lag", "consumer-fetch-manager-metrics", "lag", Map.of()), new Value());
        kafka.sensor("lag").record(3);

        String page = new MetricsRenderer(metrics, this::kafkaMetrics, "instance-a").render();

        assertThat(page)
                .contains("# TYPE streamtune_classified_records_total counter")
                .contains("streamtune_accepted_records_total{instance_id=\"instance-a\"} 1.0")
                .contains("streamtune_dead_letters_total{instance_id=\"instance-a\",reason=\"EMPTY_TEXT\"} 1.0")
                .contains("streamtune_dead_letters_total{instance_id=\"instance-a\",reason=\"TEXT_TOO_LARGE\"} 0.0")
                .contains("streamtune_batch_size_bucket{instance_id=\"instance-a\",le=\"2.0\"} 0")
                .contains("streamtune_batch_size_bucket{instance_id=\"instance-a\",le=\"4.0\"} 1")
                .contains("streamtune_inference_ms_sum{instance_id=\"instance-a\"} 12.0")
                .contains("streamtune_end_to_end_ms_count{instance_id=\"instance-a\"} 1")
                .contains("streamtune_model_version_served{instance_id=\"instance-a\"} 5.0")
                .contains("streamtune_device_gpu{device=\"cpu\",instance_id=\"instance-a\"} 0.0")
                .contains("streamtune_model_reloads_total{instance_id=\"instance-a\"} 1.0")
                .contains("streamtune_model_reload_failures_total{instance_id=\"instance-a\"} 1.0")
                .contains("# TYPE kafka_stream_thread_metrics_process_total counter")
                .contains("kafka_stream_thread_metrics_process_total{thread_id=\"t-1\"} 42.0")
                .contains("# TYPE kafka_consumer_fetch_manager_metrics_records_lag gauge")
                .contains("kafka_consumer_fetch_manager_metrics_records_lag 3.0");
        assertThat(page.lines().filter(line -> line.startsWith("# TYPE streamtune_dead_letters_total")))
                .hasSize(1);
    }

    private Map<MetricName, KafkaMetric> kafkaMetrics() {
        return kafka.metrics();
    }
}
