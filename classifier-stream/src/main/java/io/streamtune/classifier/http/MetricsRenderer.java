package io.streamtune.classifier.http;

import io.streamtune.classifier.deadletter.DeadLetterReason;
import io.streamtune.classifier.metrics.ClassifierMetrics;
import io.streamtune.classifier.metrics.Histogram;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Renders the classifier's metrics and the Kafka Streams (and client) metrics as Prometheus text. Kafka metrics
 * become {@code kafka_<group>_<name>} gauges with their tags as labels; non-numeric ones are left out. Every
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
        PrometheusText text = new PrometheusText();
        counters(text);
        histogram(text, "streamtune_batch_size", "Records per model call.", metrics.batchSize());
        histogram(text, "streamtune_inference_ms", "Milliseconds per model call.", metrics.inferenceMillis());
        histogram(text, "streamtune_queue_ms", "Milliseconds a record waited for its batch.", metrics.queueMillis());
        histogram(
                text,
                "streamtune_end_to_end_ms",
                "Milliseconds from event time to classification.",
                metrics.endToEndMillis());
        memory(text);
        kafka(text);
        return text.toString();
    }

    private void counters(PrometheusText text) {
        counter(text, "streamtune_accepted_records_total", "Records accepted into a batch.", metrics.accepted());
        counter(text, "streamtune_classified_records_total", "Classifications written.", metrics.classified());
        text.type("streamtune_classified_records_per_second", "gauge", "Classifications per second, last 30 s.");
        text.sample("streamtune_classified_records_per_second", instance, metrics.classifiedPerSecond());
        text.type("streamtune_dead_letters_total", "counter", "Records sent to the dead-letter topic, by reason.");
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            text.sample("streamtune_dead_letters_total", with("reason", reason.name()), metrics.deadLetters(reason));
        }
        counter(text, "streamtune_model_reloads_total", "Model versions swapped in.", metrics.reloads());
        counter(text, "streamtune_model_reload_failures_total", "Model versions refused.", metrics.failedReloads());
        text.type("streamtune_model_version_served", "gauge", "The model version served, -1 before the first.");
        text.sample("streamtune_model_version_served", instance, metrics.servedVersion());
    }

    private void memory(PrometheusText text) {
        text.type("streamtune_memory_entries", "gauge", "Corrected texts in the correction memory.");
        text.sample("streamtune_memory_entries", instance, metrics.memoryEntries());
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

    private void counter(PrometheusText text, String name, String help, double value) {
        text.type(name, "counter", help);
        text.sample(name, instance, value);
    }

    private void histogram(PrometheusText text, String name, String help, Histogram histogram) {
        Histogram.Snapshot snapshot = histogram.snapshot();
        text.type(name, "histogram", help);
        for (int i = 0; i < snapshot.upperBounds().length; i++) {
            String bound = PrometheusText.format(snapshot.upperBounds()[i]);
            text.sample(name + "_bucket", with("le", bound), snapshot.cumulativeCounts()[i]);
        }
        text.sample(name + "_bucket", with("le", "+Inf"), snapshot.count());
        text.sample(name + "_count", instance, snapshot.count());
        text.sample(name + "_sum", instance, snapshot.sum());
    }

    private void kafka(PrometheusText text) {
        Map<String, List<Map.Entry<MetricName, Metric>>> byName = new TreeMap<>();
        kafkaMetrics.get().forEach((name, metric) -> {
            if (metric.metricValue() instanceof Number) {
                String promName = PrometheusText.sanitise("kafka_" + name.group() + "_" + name.name());
                byName.computeIfAbsent(promName, n -> new java.util.ArrayList<>())
                        .add(Map.entry(name, metric));
            }
        });
        byName.forEach((promName, samples) -> {
            text.type(promName, "gauge", samples.get(0).getKey().description());
            for (Map.Entry<MetricName, Metric> sample : samples) {
                double value = ((Number) sample.getValue().metricValue()).doubleValue();
                text.sample(promName, sample.getKey().tags(), value);
            }
        });
    }

    private Map<String, String> with(String label, String value) {
        Map<String, String> labels = new HashMap<>(instance);
        labels.put(label, value);
        return labels;
    }
}
