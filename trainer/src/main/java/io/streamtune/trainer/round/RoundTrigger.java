package io.streamtune.trainer.round;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to start a round: N new corrections, or T since the last round with at least one new correction, or on
 * demand.
 */
public final class RoundTrigger {

    /** Why a round starts. */
    public enum Reason {
        CORRECTIONS,
        INTERVAL,
        ON_DEMAND
    }

    private final int corrections;
    private final Duration interval;

    /**
     * @param corrections start when this many new corrections arrived
     * @param interval start when this long passed since the last round and at least one correction arrived
     */
    public RoundTrigger(int corrections, Duration interval) {
        if (corrections < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("need corrections >= 1 and a positive interval");
        }
        this.corrections = corrections;
        this.interval = interval;
    }

    /**
     * Whether to start a round now.
     *
     * @param newCorrections new corrections since the last round
     * @param lastRound when the last round ended (or the trainer started)
     * @param now the current time
     * @param requested whether an operator asked for a round
     */
    public Optional<Reason> check(int newCorrections, Instant lastRound, Instant now, boolean requested) {
        if (requested) {
            return Optional.of(Reason.ON_DEMAND);
        }
        if (newCorrections >= corrections) {
            return Optional.of(Reason.CORRECTIONS);
        }
        if (newCorrections >= 1 && !now.isBefore(lastRound.plus(interval))) {
            return Optional.of(Reason.INTERVAL);
        }
        return Optional.empty();
    }
}
