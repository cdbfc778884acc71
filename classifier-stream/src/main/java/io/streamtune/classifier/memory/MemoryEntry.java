package io.streamtune.classifier.memory;

/**
 * One corrected text the memory remembers.
 *
 * @param eventId the corrected event's id (the training-set key)
 * @param text the corrected text
 * @param label the corrected label
 * @param correctedTimeMs when the correction was made (epoch milliseconds)
 */
public record MemoryEntry(String eventId, String text, String label, long correctedTimeMs) {}
