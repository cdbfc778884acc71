package io.streamtune.classifier.batching;

import io.streamtune.classifier.inference.Prediction;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.LabelSource;
import io.streamtune.schemas.TextEvent;
import java.time.Instant;
import java.util.HashMap;

/**
 * Builds the {@link Classification} of an event from the model's outcome and the batch's timing; a label from the
 * correction memory is marked {@code MEMORY} with the corrected event and the similarity (the scores stay the model's).
 */
final class Classifications {

    private Classifications() {}

    static Classification of(TextEvent event, BatchOutcome outcome, long queueMillis, long classifiedTime) {
        Prediction prediction = outcome.prediction();
        return Classification.newBuilder()
                .setEventId(event.getId())
                .setText(event.getText())
                .setLabel(prediction.label())
                .setConfidence(prediction.confidence())
                .setScores(new HashMap<>(prediction.scores()))
                .setModelName(outcome.modelName())
                .setModelVersion(outcome.modelVersion())
                .setTruncated(prediction.truncated())
                .setEventTime(event.getEventTime())
                .setClassifiedTime(Instant.ofEpochMilli(classifiedTime))
                .setInferenceMillis(outcome.inferenceMillis())
                .setQueueMillis(Math.max(0, queueMillis))
                .setBatchSize(outcome.batchSize())
                .setLabelSource(prediction.fromMemory() ? LabelSource.MEMORY : LabelSource.MODEL)
                .setMemoryEventId(prediction.fromMemory() ? prediction.memory().eventId() : null)
                .setMemorySimilarity(
                        prediction.fromMemory() ? prediction.memory().similarity() : null)
                .build();
    }
}
