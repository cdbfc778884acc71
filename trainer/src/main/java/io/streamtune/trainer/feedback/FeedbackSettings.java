package io.streamtune.trainer.feedback;

import io.streamtune.trainer.config.TrainerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What feedback ingestion needs to know.
 *
 * @param labels the model's label set; other labels are dead-lettered unless {@code openLabels}
 * @param openLabels whether a correction may bring a new label (the next round grows the head)
 * @param allowedAnnotators annotators accepted; empty accepts everyone
 * @param ratePerMinute corrections accepted per annotator per minute of record time; 0 means no limit
 * @param joinMaxWait how long an id-only correction waits for its classification
 * @param joinCheckInterval how often waiting corrections are re-checked (wall clock)
 * @param textRetention how long classified texts are kept for id-only corrections
 */
public record FeedbackSettings(
        List<String> labels,
        boolean openLabels,
        Set<String> allowedAnnotators,
        int ratePerMinute,
        Duration joinMaxWait,
        Duration joinCheckInterval,
        Duration textRetention) {

    public FeedbackSettings {
        labels = List.copyOf(labels);
        allowedAnnotators = Set.copyOf(allowedAnnotators);
    }

    /** The feedback settings of a trainer configuration. */
    public static FeedbackSettings from(TrainerConfig config) {
        return new FeedbackSettings(
                config.labels(),
                config.openLabels(),
                config.allowedAnnotators(),
                config.annotatorRateLimitPerMinute(),
                config.joinMaxWait(),
                config.joinCheckInterval(),
                config.textRetention());
    }
}
