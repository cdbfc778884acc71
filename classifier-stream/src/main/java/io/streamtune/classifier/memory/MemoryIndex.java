package io.streamtune.classifier.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The embeddings of the remembered texts by one model version, immutable: lookups read it without locks, changes make
 * a new one. Nearest neighbour by brute force (a dot product per entry: the embeddings are unit vectors), which for
 * the few thousand corrections a memory holds costs well under the model's own time per text.
 */
final class MemoryIndex {

    private final long version;
    private final boolean promoted;
    private final List<MemoryEntry> entries;
    private final List<float[]> embeddings;

    MemoryIndex(long version, boolean promoted, List<MemoryEntry> entries, List<float[]> embeddings) {
        if (entries.size() != embeddings.size()) {
            throw new IllegalArgumentException(embeddings.size() + " embeddings for " + entries.size() + " entries");
        }
        this.version = version;
        this.promoted = promoted;
        this.entries = List.copyOf(entries);
        this.embeddings = List.copyOf(embeddings);
    }

    long version() {
        return version;
    }

    /** Whether the version is a promoted one, whose correct answers retire entries. */
    boolean promoted() {
        return promoted;
    }

    int size() {
        return entries.size();
    }

    /**
     * The remembered text most similar to the query.
     *
     * @param query a unit-length embedding by this index's version
     * @return the nearest entry and its cosine similarity, or empty when the index is empty
     */
    Optional<Recall> nearest(float[] query) {
        int best = -1;
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < embeddings.size(); i++) {
            double similarity = dot(query, embeddings.get(i));
            if (similarity > bestSimilarity) {
                best = i;
                bestSimilarity = similarity;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(new Recall(entries.get(best), bestSimilarity));
    }

    /** This index with these entries (and their embeddings) added and the entries of the dropped ids removed. */
    MemoryIndex with(List<MemoryEntry> added, List<float[]> addedEmbeddings, Set<String> dropped) {
        List<MemoryEntry> keptEntries = new ArrayList<>(entries.size() + added.size());
        List<float[]> keptEmbeddings = new ArrayList<>(entries.size() + added.size());
        for (int i = 0; i < entries.size(); i++) {
            if (!dropped.contains(entries.get(i).eventId())) {
                keptEntries.add(entries.get(i));
                keptEmbeddings.add(embeddings.get(i));
            }
        }
        keptEntries.addAll(added);
        keptEmbeddings.addAll(addedEmbeddings);
        return new MemoryIndex(version, promoted, keptEntries, keptEmbeddings);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /**
     * A remembered text near a query.
     *
     * @param entry the remembered correction
     * @param similarity the cosine similarity of the query to it
     */
    record Recall(MemoryEntry entry, double similarity) {}
}
