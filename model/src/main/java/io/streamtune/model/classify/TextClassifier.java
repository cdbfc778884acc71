package io.streamtune.model.classify;

import java.util.List;

/**
 * Classifies texts. Implementations say how they may be shared between threads; {@link
 * DjlTextClassifier} may be called from any number of threads at once.
 */
public interface TextClassifier extends AutoCloseable {

    /**
     * Classifies texts.
     *
     * @param texts the texts; may be empty
     * @return one prediction per text, in input order
     */
    List<Prediction> classify(List<String> texts);

    /** The labels this classifier chooses from, in model output order. */
    List<String> labels();

    /** Frees what the classifier holds; it must not be in use by another thread. */
    @Override
    void close();
}
