package io.streamtune.classifier.inference;

import java.util.List;

/**
 * The predictions for one batch and the model version that made all of them.
 *
 * @param modelName the model's name
 * @param modelVersion the model's version
 * @param predictions one per text, in input order
 * @param embeddings one L2-normalised embedding per text from the same model pass, in input order; empty when the
 *     model gives none. Comparable only with embeddings of the same version; callers must not modify them
 */
public record ClassifiedBatch(
        String modelName, long modelVersion, List<Prediction> predictions, List<float[]> embeddings) {

    public ClassifiedBatch {
        predictions = List.copyOf(predictions);
        embeddings = List.copyOf(embeddings);
        if (!embeddings.isEmpty() && embeddings.size() != predictions.size()) {
            throw new IllegalArgumentException(
                    embeddings.size() + " embeddings for " + predictions.size() + " predictions");
        }
    }

    /** A batch without embeddings. */
    public ClassifiedBatch(String modelName, long modelVersion, List<Prediction> predictions) {
        this(modelName, modelVersion, predictions, List.of());
    }

    /** The same batch with other predictions (as many, in the same order). */
    public ClassifiedBatch withPredictions(List<Prediction> replaced) {
        return new ClassifiedBatch(modelName, modelVersion, replaced, embeddings);
    }
}
