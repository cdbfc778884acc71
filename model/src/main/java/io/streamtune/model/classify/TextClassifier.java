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

    /**
     * Classifies texts and returns each text's embedding with its prediction, from the same model pass: the
     * encoder's pooled features that the classification head reads, L2-normalised. Embeddings of one classifier
     * are comparable with each other (cosine similarity is their dot product), never with another's.
     *
     * @param texts the texts; may be empty
     * @return one prediction with its embedding per text, in input order
     */
    List<EmbeddedPrediction> classifyAndEmbed(List<String> texts);

    /** The labels this classifier chooses from, in model output order. */
    List<String> labels();

    /** Frees what the classifier holds; it must not be in use by another thread. */
    @Override
    void close();
}
