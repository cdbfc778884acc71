package io.streamtune.classifier.batching;

import io.streamtune.classifier.inference.Prediction;

/**
 * What became of one text of a batch: a prediction, or the failure that keeps it from having one.
 *
 * @param prediction the prediction, or null on failure
 * @param modelName the model that made it (null on failure)
 * @param modelVersion that model's version (-1 on failure)
 * @param inferenceMillis milliseconds of the model call that made it
 * @param batchSize the size of the batch given to the model in that call
 * @param failure the last exception, or null on success
 */
public record BatchOutcome(
        Prediction prediction,
        String modelName,
        long modelVersion,
        long inferenceMillis,
        int batchSize,
        RuntimeException failure) {

    public boolean succeeded() {
        return failure == null;
    }
}
