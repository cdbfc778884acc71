package io.streamtune.classifier.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.classifier.deadletter.DeadLetterReason;
import io.streamtune.classifier.metrics.ClassifierMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OperationsServerTest {

    private final ClassifierMetrics metrics = new ClassifierMetrics();
    private final Metrics kafka = new Metrics();
    private final AtomicBoolean ready = new AtomicBoolean(false);
    private final HttpClient client = HttpClient.newHttpClient();
    private final OperationsServer server;

    OperationsServerTest() throws IOException {
        MetricsRenderer renderer = new MetricsRenderer(metrics, this::kafkaMetrics, "instance-a");
        server = OperationsServer.start(0, ready::get, () -> "{\"version\":7}\n", renderer::render);
    }

    @AfterEach
    void stop() {
        server.close();
        kafka.close();
    }

    @Test
    void shouldBeLiveAlwaysAndReadyOnlyWhenTheRuntimeSaysSo() throws Exception {
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);

        ready.set(true);

        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldReportTheServedModel() throws Exception {
        assertThat(get("/model").body()).isEqualTo("{\"version\":7}\n");
    }

    @Test
    void shouldExposeClassifierAndKafkaMetricsAsPrometheusText() throws Exception {
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

        HttpResponse<String> response = get("/metrics");

        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(response.body())
                .contains("# TYPE streamtune_classified_records_total counter")
                .contains("streamtune_accepted_records_total{instance_id=\"instance-a\"} 1")
                .contains("streamtune_dead_letters_total{instance_id=\"instance-a\",reason=\"EMPTY_TEXT\"} 1")
                .contains("streamtune_batch_size_bucket{instance_id=\"instance-a\",le=\"2\"} 0")
                .contains("streamtune_batch_size_bucket{instance_id=\"instance-a\",le=\"4\"} 1")
                .contains("streamtune_inference_ms_sum{instance_id=\"instance-a\"} 12")
                .contains("streamtune_end_to_end_ms_count{instance_id=\"instance-a\"} 1")
                .contains("streamtune_model_version_served{instance_id=\"instance-a\"} 5")
                .contains("streamtune_model_reloads_total{instance_id=\"instance-a\"} 1")
                .contains("streamtune_model_reload_failures_total{instance_id=\"instance-a\"} 1")
                .contains("kafka_stream_thread_metrics_process_total{thread_id=\"t-1\"} 42");
    }

    private Map<MetricName, KafkaMetric> kafkaMetrics() {
        return kafka.metrics();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
