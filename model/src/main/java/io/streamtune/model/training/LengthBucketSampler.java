package io.streamtune.model.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Deterministic, length-aware batching for training. Each epoch shuffles the examples with the
 * seeded generator, sorts each window of {@value #WINDOW_BATCHES} batches by length (so a batch pads
 * little), cuts the window into batches and shuffles the order of all batches. Sorting only inside
 * windows keeps batches random enough for SGD while dynamic padding stays cheap.
 */
public final class LengthBucketSampler {

    /** Batches per sorting window. */
    public static final int WINDOW_BATCHES = 50;

    private final int[] lengths;
    private final int batchSize;
    private final Random random;

    /**
     * Creates a sampler.
     *
     * @param lengths the token length of every example
     * @param batchSize examples per batch
     * @param seed the seed of all shuffling
     */
    public LengthBucketSampler(int[] lengths, int batchSize, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        this.lengths = lengths.clone();
        this.batchSize = batchSize;
        this.random = new Random(seed);
    }

    /**
     * The number of batches per epoch.
     *
     * @return ceil(examples / batchSize)
     */
    public int batchesPerEpoch() {
        return (lengths.length + batchSize - 1) / batchSize;
    }

    /**
     * The batches of the next epoch; each call draws a new order from the seeded generator.
     *
     * @return the example indices of every batch
     */
    public List<int[]> nextEpoch() {
        List<Integer> order =
                new ArrayList<>(IntStream.range(0, lengths.length).boxed().toList());
        Collections.shuffle(order, random);
        int window = batchSize * WINDOW_BATCHES;
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < order.size(); start += window) {
            List<Integer> slice = new ArrayList<>(order.subList(start, Math.min(order.size(), start + window)));
            slice.sort(Comparator.comparingInt(i -> lengths[i]));
            int[] sorted = slice.stream().mapToInt(Integer::intValue).toArray();
            for (int from = 0; from < sorted.length; from += batchSize) {
                batches.add(Arrays.copyOfRange(sorted, from, Math.min(sorted.length, from + batchSize)));
            }
        }
        Collections.shuffle(batches, random);
        return batches;
    }
}
