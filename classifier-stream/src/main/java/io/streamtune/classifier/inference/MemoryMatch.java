package io.streamtune.classifier.inference;

/**
 * The corrected text whose label a prediction took from the correction memory.
 *
 * @param eventId the event id of the corrected text
 * @param similarity the cosine similarity of the two texts' embeddings, at least the memory's threshold
 */
public record MemoryMatch(String eventId, double similarity) {}
