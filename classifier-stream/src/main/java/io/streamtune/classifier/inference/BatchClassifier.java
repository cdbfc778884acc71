package io.streamtune.classifier.inference;

import java.util.List;

/**
 * Classifies a batch of texts with one model version. Called from stream threads; an implementation is safe to call
 * from several threads at once.
 */
@FunctionalInterface
public interface BatchClassifier {

    /**
     * Classifies every text.
     *
     * @param texts the texts, at least one
     * @return one prediction per text, in the same order, and the model version that made them
     * @throws RuntimeException when inference fails; the caller retries and then dead-letters
     */
    ClassifiedBatch classify(List<String> texts);
}
