package io.streamtune.trainer.round;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Draws a seeded sample of earlier training examples to mix with new corrections, so a round does not forget what
 * earlier rounds learned. The sample depends only on the examples (not their order), the count and the seed.
 */
public final class ReplaySampler {

    private final double ratio;

    /** @param ratio earlier examples per new correction, at least 0 */
    public ReplaySampler(double ratio) {
        if (ratio < 0 || Double.isNaN(ratio)) {
            throw new IllegalArgumentException("replay ratio must be >= 0: " + ratio);
        }
        this.ratio = ratio;
    }

    /**
     * The replay sample.
     *
     * @param earlier the earlier examples to draw from
     * @param newCount the number of new corrections in the round
     * @param seed the seed
     * @return {@code min(earlier.size(), round(newCount * ratio))} distinct earlier examples
     */
    public List<Example> sample(List<Example> earlier, int newCount, long seed) {
        int size = (int) Math.min(earlier.size(), Math.round(newCount * ratio));
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
