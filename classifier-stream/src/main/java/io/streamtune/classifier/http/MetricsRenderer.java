package io.streamtune.classifier.http;

import io.streamtune.classifier.deadletter.DeadLetterReason;
import io.streamtune.classifier.metrics.ClassifierMetrics;
import io.streamtune.classifier.metrics.Histogram;
import io.streamtune.runtime.ops.MetricsPage;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Renders the classifier's metrics and the Kafka Streams (and client) metrics as Prometheus text. Kafka metrics
 * become {@code kafka_<group>_<name>} gauges with their tags as labels, or counters when their name ends in
 * {@code -total} (Kafka's cumulative sums and counts); non-numeric ones are left out. Every
 * sample of the classifier's own metrics carries an {@code instance_id} label.
 */
public final class MetricsRenderer {

    private final ClassifierMetrics metrics;
    private final Supplier<Map<MetricName, ? extends Metric>> kafkaMetrics;
    private final Map<String, String> instance;

    public MetricsRenderer(
            ClassifierMetrics metrics, Supplier<Map<MetricName, ? extends Metric>> kafkaMetrics, String instanceId) {
        this.metrics = metrics;
        this.kafkaMetrics = kafkaMetrics;
        this.instance = Map.of("instance_id", instanceId);
    }

    public String render() {
        MetricsPage text = new MetricsPage();
        counters(text);
        histogram(text, "streamtune_batch_size", "Records per model call.", metrics.batchSize());
        histogram(text, "streamtune_inference_ms", "Milliseconds per model call.", metrics.inferenceMillis());
        histogram(
                text,
                "streamtune_pass_texts",
                "Texts per forward pass, stream batches and HTTP requests together.",
                metrics.passTexts());
        histogram(text, "streamtune_pass_callers", "Callers served by one forward pass.", metrics.passCallers());
        histogram(text, "streamtune_queue_ms", "Milliseconds a record waited for its batch.", metrics.queueMillis());
        histogram(
                text,
                "streamtune_end_to_end_ms",
                "Milliseconds from event time to classification.",
                metrics.endToEndMillis());
        memory(text);
        kafka(text);
        return text.render();
    }

    private void counters(MetricsPage text) {
        counter(text, "streamtune_accepted_records_total", "Records accepted into a batch.", metrics.accepted());
        counter(text, "streamtune_classified_records_total", "Classifications written.", metrics.classified());
        text.gauge(
                "streamtune_classified_records_per_second",
                "Classifications per second, last 30 s.",
                instance,
                metrics.classifiedPerSecond());
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            text.counter(
                    "streamtune_dead_letters_total",
                    "Records sent to the dead-letter topic, by reason.",
                    with("reason", reason.name()),
                    metrics.deadLetters(reason));
        }
        counter(text, "streamtune_model_reloads_total", "Model versions swapped in.", metrics.reloads());
        counter(text, "streamtune_model_reload_failures_total", "Model versions refused.", metrics.failedReloads());
        text.gauge(
                "streamtune_model_version_served",
                "The model version served, -1 before the first.",
                instance,
                metrics.servedVersion());
        text.gauge(
                "streamtune_device_gpu",
                "1 when the model runs on a GPU, 0 on the CPU; the device label says which.",
                with("device", metrics.device()),
                metrics.device().startsWith("gpu") ? 1 : 0);
    }

    private void memory(MetricsPage text) {
        text.gauge(
                "streamtune_memory_entries",
                "Corrected texts in the correction memory.",
                instance,
                metrics.memoryEntries());
        counter(text, "streamtune_memory_hits_total", "Texts labelled by the correction memory.", metrics.memoryHits());
        counter(
                text,
                "streamtune_memory_retirements_total",
                "Corrections retired because a promoted version has learned them.",
                metrics.memoryRetirements());
        counter(
                text,
                "streamtune_memory_evictions_total",
                "Corrections forgotten, oldest first, because the memory was full.",
                metrics.memoryEvictions());
        histogram(
                text,
                "streamtune_memory_first_answer_seconds",
                "Seconds from a correction to the first text the memory answered with it.",
                metrics.memoryFirstAnswerSeconds());
    }

    private void counter(MetricsPage text, String name, String help, double value) {
        text.counter(name, help, instance, value);
    }

    private void histogram(MetricsPage text, String name, String help, Histogram histogram) {
        Histogram.Snapshot snapshot = histogram.snapshot();
        text.histogram(
                name,
                help,
                instance,
                snapshot.upperBounds(),
                snapshot.cumulativeCounts(),
                snapshot.count(),
                snapshot.sum());
    }

    private void kafka(MetricsPage text) {
        Map<MetricName, Metric> byName = new TreeMap<>(Comparator.comparing(MetricName::group)
                .thenComparing(MetricName::name)
                .thenComparing(name -> name.tags().toString()));
        byName.putAll(kafkaMetrics.get());
        byName.forEach((name, metric) -> {
            if (metric.metricValue() instanceof Number value) {
                String prometheusName = "kafka_" + name.group() + "_" + name.name();
                if (name.name().endsWith("-total")) {
                    text.counter(prometheusName, name.description(), name.tags(), value.doubleValue());
                } else {
                    text.gauge(prometheusName, name.description(), name.tags(), value.doubleValue());
                }
            }
        });
    }

    private Map<String, String> with(String label, String value) {
        Map<String, String> labels = new HashMap<>(instance);
        labels.put(label, value);
        return labels;
    }
}
