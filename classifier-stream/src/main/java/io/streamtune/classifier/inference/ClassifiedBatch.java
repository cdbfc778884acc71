package io.streamtune.classifier.inference;

import java.util.List;

/**
 * The predictions for one batch and the model version that made all of them.
 *
 * @param modelName the model's name
 * @param modelVersion the model's version
 * @param predictions one per text, in input order
 */
public record ClassifiedBatch(String modelName, long modelVersion, List<Prediction> predictions) {

    public ClassifiedBatch {
        predictions = List.copyOf(predictions);
    }
}
