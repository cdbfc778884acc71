package io.streamtune.trainer.feedback;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Counters of what happened to feedback records, as Kafka Streams metrics in group
 * {@code stream-streamtune-feedback-metrics} ({@code <outcome>-total} and {@code <outcome>-rate}, tagged with the
 * processor and task).
 */
final class FeedbackMetrics {

    static final String SCOPE = "streamtune-feedback";

    private final Sensor accepted;
    private final Sensor deadLettered;
    private final Sensor superseded;
    private final Sensor waiting;

    FeedbackMetrics(ProcessorContext<?, ?> context, String processorName) {
        String entity = processorName + "-" + context.taskId();
        this.accepted = sensor(context, entity, "accepted");
        this.deadLettered = sensor(context, entity, "dead-lettered");
        this.superseded = sensor(context, entity, "superseded");
        this.waiting = sensor(context, entity, "waiting");
    }

    private static Sensor sensor(ProcessorContext<?, ?> context, String entity, String operation) {
        return context.metrics().addRateTotalSensor(SCOPE, entity, operation, Sensor.RecordingLevel.INFO);
    }

    /** A correction became (or replaced) a training example. */
    void accepted() {
        accepted.record();
    }

    /** A record went to the dead-letter topic. */
    void deadLettered() {
        deadLettered.record();
    }

    /** A correction was dropped because an equal or newer one for its event is already known. */
    void superseded() {
        superseded.record();
    }

    /** An id-only correction started waiting for its classification. */
    void waiting() {
        waiting.record();
    }
}
