package io.streamtune.runtime.ops;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One scrape's metrics, collected as the Prometheus Java client's snapshots and written by its text format writer
 * (exposition format 0.0.4), so names, label escaping and number formatting follow the client, not hand-written
 * code. Samples of one name are grouped under one {@code # HELP}/{@code # TYPE}; names and label names are
 * sanitised to what Prometheus accepts (a Kafka tag {@code client-id} becomes {@code client_id}).
 */
public final class MetricsPage {

    /** The content type of {@link #render()}. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private final Map<String, Family<?>> families = new LinkedHashMap<>();

    /** Adds a sample of a counter; the name ends in {@code _total}. */
    public MetricsPage counter(String name, String help, Map<String, String> labels, double value) {
        String base = sanitisedName(name.endsWith("_total") ? name.substring(0, name.length() - 6) : name);
        family(base, help, CounterFamily::new)
                .add(CounterDataPointSnapshot.builder()
                        .labels(labels(labels))
                        .value(value)
                        .build());
        return this;
    }

    /** Adds a sample of a gauge; NaN when unknown. */
    public MetricsPage gauge(String name, String help, Map<String, String> labels, double value) {
        family(sanitisedName(name), help, GaugeFamily::new)
                .add(GaugeDataPointSnapshot.builder()
                        .labels(labels(labels))
                        .value(value)
                        .build());
        return this;
    }

    /**
     * Adds a sample of a histogram with cumulative bucket counts (the {@code +Inf} bucket is the count).
     *
     * @param upperBounds the finite bucket bounds, ascending
     * @param cumulativeCounts the observations at most each bound
     */
    public MetricsPage histogram(
            String name,
            String help,
            Map<String, String> labels,
            double[] upperBounds,
            long[] cumulativeCounts,
            long count,
            double sum) {
        double[] bounds = new double[upperBounds.length + 1];
        long[] perBucket = new long[upperBounds.length + 1];
        long previous = 0;
        for (int i = 0; i < upperBounds.length; i++) {
            bounds[i] = upperBounds[i];
            perBucket[i] = cumulativeCounts[i] - previous;
            previous = cumulativeCounts[i];
        }
        bounds[upperBounds.length] = Double.POSITIVE_INFINITY;
        perBucket[upperBounds.length] = count - previous;
        family(sanitisedName(name), help, HistogramFamily::new)
                .add(HistogramDataPointSnapshot.builder()
                        .labels(labels(labels))
                        .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, perBucket))
                        .sum(sum)
                        .build());
        return this;
    }

    /** The page in the Prometheus text format. */
    public String render() {
        MetricSnapshots.Builder snapshots = MetricSnapshots.builder();
        families.values().forEach(family -> snapshots.metricSnapshot(family.snapshot()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        try {
            PrometheusTextFormatWriter.create().write(out, snapshots.build(), EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to memory", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private <F extends Family<?>> F family(String name, String help, Function<String[], F> create) {
        Family<?> family = families.computeIfAbsent(name, key -> create.apply(new String[] {name, help}));
        if (family.getClass() != create.apply(new String[] {name, help}).getClass()) {
            throw new IllegalArgumentException(name + " is already a metric of another type");
        }
        return (F) family;
    }

    private static String sanitisedName(String name) {
        return PrometheusNaming.sanitizeMetricName(name);
    }

    private static Labels labels(Map<String, String> labels) {
        Labels.Builder builder = Labels.builder();
        labels.forEach((name, value) -> builder.label(PrometheusNaming.sanitizeLabelName(name), value));
        return builder.build();
    }

    /** The samples of one metric name. */
    private abstract static class Family<P> {
        final String name;
        final String help;
        final List<P> points = new ArrayList<>();

        Family(String[] nameAndHelp) {
            this.name = nameAndHelp[0];
            this.help = nameAndHelp[1];
        }

        void add(P point) {
            points.add(point);
        }

        abstract MetricSnapshot snapshot();
    }

    private static final class CounterFamily extends Family<CounterDataPointSnapshot> {
        CounterFamily(String[] nameAndHelp) {
            super(nameAndHelp);
        }

        @Override
        MetricSnapshot snapshot() {
            CounterSnapshot.Builder builder =
                    CounterSnapshot.builder().name(name).help(help);
            points.forEach(builder::dataPoint);
            return builder.build();
        }
    }

    private static final class GaugeFamily extends Family<GaugeDataPointSnapshot> {
        GaugeFamily(String[] nameAndHelp) {
            super(nameAndHelp);
        }

        @Override
        MetricSnapshot snapshot() {
            GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
            points.forEach(builder::dataPoint);
            return builder.build();
        }
    }

    private static final class HistogramFamily extends Family<HistogramDataPointSnapshot> {
        HistogramFamily(String[] nameAndHelp) {
            super(nameAndHelp);
        }

        @Override
        MetricSnapshot snapshot() {
            HistogramSnapshot.Builder builder =
                    HistogramSnapshot.builder().name(name).help(help);
            points.forEach(builder::dataPoint);
            return builder.build();
        }
    }
}
