package io.streamtune.trainer.round;

import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.model.training.ProgressListener;
import io.streamtune.model.training.TrainingProgress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Time;

/**
 * Round progress and outcomes as metrics (group {@value #GROUP}, also over JMX under {@code streamtune.trainer}):
 * the running round's epoch, step, loss and seconds left, the fresh-correction count, rounds by outcome, and the
 * version in service (read when the round thread starts, then updated by each promotion). It
 * is also the {@link ProgressListener} of fine-tuning, logging each report.
 */
public final class RoundMetrics implements ProgressListener, AutoCloseable {

    public static final String GROUP = "streamtune-trainer-rounds";

    private final Metrics metrics;
    private final AtomicReference<TrainingProgress> progress = new AtomicReference<>();
    private final AtomicInteger fresh = new AtomicInteger();
    private final AtomicLong promoted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong inService = new AtomicLong(-1);

    public RoundMetrics() {
        this.metrics = new Metrics(
                new MetricConfig(),
                List.of(new JmxReporter()),
                Time.SYSTEM,
                new KafkaMetricsContext("streamtune.trainer"));
        progressGauge("round-epoch", TrainingProgress::epoch);
        progressGauge("round-step", TrainingProgress::step);
        progressGauge("round-total-steps", TrainingProgress::totalSteps);
        progressGauge("round-loss", TrainingProgress::loss);
        progressGauge("round-seconds-left", p -> p.remaining().toMillis() / 1000.0);
        gauge("fresh-corrections", "New corrections since the last published round.", fresh::get);
        gauge("rounds-promoted-total", "Rounds whose candidate was promoted.", promoted::get);
        gauge("rounds-rejected-total", "Rounds whose candidate was rejected.", rejected::get);
        gauge("rounds-failed-total", "Rounds that failed before publishing.", failed::get);
        gauge("version-in-service", "The version in service, NaN until known.", () -> {
            long version = inService.get();
            return version < 0 ? Double.NaN : version;
        });
    }

    private void progressGauge(String name, ToDoubleFunction<TrainingProgress> value) {
        gauge(name, "Fine-tuning progress of the current or last round.", () -> {
            TrainingProgress current = progress.get();
            return current == null ? Double.NaN : value.applyAsDouble(current);
        });
    }

    private void gauge(String name, String description, java.util.function.Supplier<Number> value) {
        MetricName metricName = metrics.metricName(name, GROUP, description);
        metrics.addMetric(
                metricName, (Gauge<Double>) (config, now) -> value.get().doubleValue());
    }

    @Override
    public void onProgress(TrainingProgress current) {
        progress.set(current);
        ProgressListener.logging().onProgress(current);
    }

    @Override
    public void onEvaluation(int step, EvaluationReport holdout, boolean improved) {
        ProgressListener.logging().onEvaluation(step, holdout, improved);
    }

    void fresh(int count) {
        fresh.set(count);
    }

    void outcome(boolean wasPromoted) {
        (wasPromoted ? promoted : rejected).incrementAndGet();
    }

    void inService(long version) {
        inService.set(version);
    }

    void failed() {
        failed.incrementAndGet();
    }

    /** The current value of a metric of this group, for tests and status pages. */
    public double value(String name) {
        return ((Number) metrics.metric(metrics.metricName(name, GROUP)).metricValue()).doubleValue();
    }

    @Override
    public void close() {
        metrics.close();
    }
}
