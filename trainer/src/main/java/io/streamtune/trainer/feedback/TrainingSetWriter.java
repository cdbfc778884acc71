package io.streamtune.trainer.feedback;

import io.streamtune.schemas.LabelCorrection;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a correction with its text to the training set unless an equal or newer correction of the same event is
 * already there: the latest correction (by {@code correctedTime}) wins, repeats are dropped. The record is written
 * as it came, so its {@code kind} (correction, confirmation or audit) stays in the training set for the rounds.
 */
final class TrainingSetWriter {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingSetWriter.class);

    private final ProcessorContext<Object, Object> context;
    private final KeyValueStore<String, LatestCorrection> latest;
    private final FeedbackMetrics metrics;
    private final FeedbackTopology.Sinks sinks;

    TrainingSetWriter(
            ProcessorContext<Object, Object> context,
            KeyValueStore<String, LatestCorrection> latest,
            FeedbackMetrics metrics,
            FeedbackTopology.Sinks sinks) {
        this.context = context;
        this.latest = latest;
        this.metrics = metrics;
        this.sinks = sinks;
    }

    /** Whether a correction at this time would be dropped because an equal or newer one is known. */
    boolean isSuperseded(String eventId, long correctedTime) {
        LatestCorrection known = latest.get(eventId);
        return known != null && known.isNewerThan(correctedTime);
    }

    /**
     * Offers a correction whose text is filled.
     *
     * @param timestamp the output record's timestamp
     */
    void offer(LabelCorrection correction, long timestamp) {
        String eventId = correction.getEventId();
        long time = correction.getCorrectedTime().toEpochMilli();
        LatestCorrection known = latest.get(eventId);
        if (known != null
                && (known.isNewerThan(time)
                        || known.sameAs(
                                time, correction.getLabel(), correction.getAnnotator(), correction.getKind()))) {
            LOG.debug("Dropping correction of event {} at {}: an equal or newer one is known", eventId, time);
            metrics.superseded();
            return;
        }
        latest.put(
                eventId,
                new LatestCorrection(time, correction.getLabel(), correction.getAnnotator(), correction.getKind()));
        context.forward(new Record<>(eventId, correction, timestamp), sinks.trainingSet());
        metrics.accepted();
    }
}
