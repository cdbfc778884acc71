package io.streamtune.trainer.round;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Draws a seeded sample of earlier training examples to mix with new corrections, so a round does not forget what
 * earlier rounds learned. The sample depends only on the examples (not their order), the count and the seed.
 *
 * <p>Its size is {@code ratio} earlier examples per new one, or more when a round would train on fewer than {@code
 * fill} examples in all: then earlier examples fill it up to {@code fill}. So while the labelled set is small a round
 * trains on all of it, and once it is large a round still costs about the same: the new examples are always in, the
 * earlier ones a uniform sample, which weights each new label more than each earlier one (recency weighting).
 */
public final class ReplaySampler {

    private final double ratio;
    private final int fill;

    /** @param ratio earlier examples per new correction, at least 0 */
    public ReplaySampler(double ratio) {
        this(ratio, 0);
    }

    /**
     * @param ratio earlier examples per new correction, at least 0
     * @param fill the fewest examples, new and earlier together, a round trains on while there are that many; 0
     *     for the ratio alone
     */
    public ReplaySampler(double ratio, int fill) {
        if (ratio < 0 || Double.isNaN(ratio)) {
            throw new IllegalArgumentException("replay ratio must be >= 0: " + ratio);
        }
        if (fill < 0) {
            throw new IllegalArgumentException("fill must be >= 0: " + fill);
        }
        this.ratio = ratio;
        this.fill = fill;
    }

    /**
     * The replay sample.
     *
     * @param earlier the earlier examples to draw from
     * @param newCount the number of new corrections in the round
     * @param seed the seed
     * @return {@code min(earlier.size(), max(round(newCount * ratio), fill - newCount))} distinct earlier examples
     */
    public List<Example> sample(List<Example> earlier, int newCount, long seed) {
        long wanted = Math.max(Math.round(newCount * ratio), (long) fill - newCount);
        int size = (int) Math.min(earlier.size(), wanted);
        List<Example> pool = new ArrayList<>(earlier);
        pool.sort(Comparator.comparing(Example::eventId));
        Random random = new Random(seed);
        for (int i = 0; i < size; i++) {
            int pick = i + random.nextInt(pool.size() - i);
            Example chosen = pool.get(pick);
            pool.set(pick, pool.get(i));
            pool.set(i, chosen);
        }
        return List.copyOf(pool.subList(0, size));
    }
}
