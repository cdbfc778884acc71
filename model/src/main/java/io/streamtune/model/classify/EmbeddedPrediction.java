package io.streamtune.model.classify;

/**
 * The classification of one text and the text's embedding, both from the same forward pass.
 *
 * @param prediction the classification
 * @param embedding the encoder's pooled features of the text (the mean over its windows), L2-normalised, so the
 *     dot product of two embeddings is their cosine similarity; the caller must not modify it
 */
public record EmbeddedPrediction(Prediction prediction, float[] embedding) {}
