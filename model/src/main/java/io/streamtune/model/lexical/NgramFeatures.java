package io.streamtune.model.lexical;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a text into hashed word unigram and bigram features: lower-cased runs of letters and digits are the words,
 * every word and every pair of neighbouring words is hashed into one of {@code buckets} positions, a position's
 * value is {@code 1 + ln(count)}, and the vector is scaled to unit length, so a long text and a short one weigh the
 * same. The hash is fixed (64-bit FNV-1a with a final mix), so a model trained on one machine reads the same on
 * every other.
 */
public final class NgramFeatures {

    /** The words of a text read at the most; a longer text keeps its first ones (1 MiB is about 200,000 words). */
    static final int MAX_WORDS = 50_000;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long BIGRAM_SALT = 0x9e3779b97f4a7c15L;

    private final int buckets;

    /** @param buckets the number of hash positions, a power of two from 2^10 to 2^24 */
    public NgramFeatures(int buckets) {
        if (Integer.bitCount(buckets) != 1 || buckets < (1 << 10) || buckets > (1 << 24)) {
            throw new IllegalArgumentException("buckets must be a power of two in [2^10, 2^24], was " + buckets);
        }
        this.buckets = buckets;
    }

    public int buckets() {
        return buckets;
    }

    /** The unit-length feature vector of a text (empty when it has no word). */
    public SparseVector of(String text) {
        Map<Integer, Integer> counts = new HashMap<>();
        long previous = 0;
        boolean hasPrevious = false;
        int words = 0;
        int length = text.length();
        int at = 0;
        while (at < length && words < MAX_WORDS) {
            int cp = text.codePointAt(at);
            if (!Character.isLetterOrDigit(cp)) {
                at += Character.charCount(cp);
                continue;
            }
            long hash = FNV_OFFSET;
            while (at < length && Character.isLetterOrDigit(cp = text.codePointAt(at))) {
                hash = (hash ^ Character.toLowerCase(cp)) * FNV_PRIME;
                at += Character.charCount(cp);
            }
            counts.merge(bucket(hash), 1, Integer::sum);
            if (hasPrevious) {
                counts.merge(bucket(previous * 31 + hash + BIGRAM_SALT), 1, Integer::sum);
            }
            previous = hash;
            hasPrevious = true;
            words++;
        }
        return unitVector(counts);
    }

    private int bucket(long hash) {
        return (int) (mix(hash) & (buckets - 1));
    }

    /** The finaliser of MurmurHash3's 64-bit variant: spreads every input bit over the low bits. */
    private static long mix(long hash) {
        long h = hash;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static SparseVector unitVector(Map<Integer, Integer> counts) {
        int[] indices = counts.keySet().stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(indices);
        float[] values = new float[indices.length];
        double squares = 0;
        for (int i = 0; i < indices.length; i++) {
            double value = 1 + Math.log(counts.get(indices[i]));
            values[i] = (float) value;
            squares += value * value;
        }
        if (squares > 0) {
            float scale = (float) (1 / Math.sqrt(squares));
            for (int i = 0; i < values.length; i++) {
                values[i] *= scale;
            }
        }
        return new SparseVector(indices, values);
    }
}
