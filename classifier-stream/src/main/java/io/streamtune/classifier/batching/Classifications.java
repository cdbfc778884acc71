package io.streamtune.classifier.batching;

import io.streamtune.schemas.Classification;
import io.streamtune.schemas.TextEvent;
import java.time.Instant;
import java.util.HashMap;

/** Builds the {@link Classification} of an event from the model's outcome and the batch's timing. */
final class Classifications {

    private Classifications() {}

    static Classification of(TextEvent event, BatchOutcome outcome, long queueMillis, long classifiedTime) {
        return Classification.newBuilder()
                .setEventId(event.getId())
                .setText(event.getText())
                .setLabel(outcome.prediction().label())
                .setConfidence(outcome.prediction().confidence())
                .setScores(new HashMap<>(outcome.prediction().scores()))
                .setModelName(outcome.modelName())
                .setModelVersion(outcome.modelVersion())
                .setTruncated(outcome.prediction().truncated())
                .setEventTime(event.getEventTime())
                .setClassifiedTime(Instant.ofEpochMilli(classifiedTime))
                .setInferenceMillis(outcome.inferenceMillis())
                .setQueueMillis(Math.max(0, queueMillis))
                .setBatchSize(outcome.batchSize())
                .build();
    }
}
