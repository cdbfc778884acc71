package io.streamtune.trainer.round;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * Decides by a hash of the event id whether an example is held out for evaluation. The same id is always on the
 * same side, on every machine and in every round, so a held-out example is never trained on and the candidate
 * and the version in service are compared on the same examples.
 */
public final class Holdout {

    private static final int BUCKETS = 10_000;

    private final int heldOutBuckets;

    /** @param fraction the share of ids held out, in [0, 1] */
    public Holdout(double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("holdout fraction must be in [0, 1]: " + fraction);
        }
        this.heldOutBuckets = (int) Math.round(fraction * BUCKETS);
    }

    public boolean isHeldOut(String eventId) {
        int hash = Utils.toPositive(Utils.murmur2(eventId.getBytes(StandardCharsets.UTF_8)));
        return hash % BUCKETS < heldOutBuckets;
    }
}
