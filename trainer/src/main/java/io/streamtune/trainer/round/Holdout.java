package io.streamtune.trainer.round;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Utils;

/**
 * Decides which examples are held out for evaluation, by a hash of the event id. A correction's side depends on its
 * id alone ({@link #isHeldOut}): the same id is always on the same side, on every machine and in every round, so a
 * held-out example is never trained on and the candidate and the version in service are compared on the same
 * examples.
 *
 * <p>The initial labelled set of bootstrap is split stratified by label ({@link #split}): in each class, the share
 * {@code fraction} of its examples (rounded, at least one of a class with two or more, never all) with the lowest
 * hashes is held out. Every class is then in the holdout in its own proportion, which a hash alone does not give a
 * small class. The split depends only on the ids, labels and the fraction, so every round draws it again from the
 * seed examples of the training set and keeps the examples version 1 never trained on held out.
 */
public final class Holdout {

    private static final int BUCKETS = 10_000;

    private static final Comparator<Example> BY_HASH = Comparator.comparingInt(
                    (Example example) -> bucket(example.eventId()))
            .thenComparing(Example::eventId);

    private final double fraction;
    private final int heldOutBuckets;

    /**
     * The two sides of a stratified split.
     *
     * @param train the examples trained on
     * @param heldOut the examples held out
     */
    public record Split(List<Example> train, List<Example> heldOut) {

        public Split {
            train = List.copyOf(train);
            heldOut = List.copyOf(heldOut);
        }
    }

    /** @param fraction the share of ids held out, in [0, 1] */
    public Holdout(double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("holdout fraction must be in [0, 1]: " + fraction);
        }
        this.fraction = fraction;
        this.heldOutBuckets = (int) Math.round(fraction * BUCKETS);
    }

    /** Whether a correction (an example outside the initial labelled set) is held out. */
    public boolean isHeldOut(String eventId) {
        return bucket(eventId) < heldOutBuckets;
    }

    /**
     * Splits examples stratified by label; the result is the same whatever their order.
     *
     * @param examples examples of distinct event ids
     */
    public Split split(List<Example> examples) {
        Map<String, List<Example>> byLabel = new TreeMap<>();
        examples.forEach(example -> byLabel.computeIfAbsent(example.label(), label -> new ArrayList<>())
                .add(example));
        Set<Example> heldOut = new HashSet<>();
        for (List<Example> members : byLabel.values()) {
            members.sort(BY_HASH);
            heldOut.addAll(members.subList(0, heldOutCount(members.size())));
        }
        List<Example> train = new ArrayList<>();
        List<Example> held = new ArrayList<>();
        examples.forEach(example -> (heldOut.contains(example) ? held : train).add(example));
        return new Split(train, held);
    }

    /** How many of a class of this size {@link #split} holds out. */
    int heldOutCount(int classSize) {
        if (classSize < 2 || fraction == 0) {
            return 0;
        }
        long share = Math.round(fraction * classSize);
        return (int) Math.max(1, Math.min(classSize - 1, share));
    }

    private static int bucket(String eventId) {
        return Utils.toPositive(Utils.murmur2(eventId.getBytes(StandardCharsets.UTF_8))) % BUCKETS;
    }
}
