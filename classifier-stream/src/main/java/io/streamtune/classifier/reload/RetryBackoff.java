package io.streamtune.classifier.reload;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before trying a version again after the model store was unreachable: {@code initial} after the
 * first failed attempt, doubling after each further one, never more than {@code max}.
 *
 * @param initial the wait after the first failure, positive
 * @param max the longest wait, at least {@code initial}
 */
public record RetryBackoff(Duration initial, Duration max) {

    public RetryBackoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff must be positive, was " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max backoff " + max + " is shorter than the initial " + initial);
        }
    }

    /**
     * The wait after a number of failed attempts in a row.
     *
     * @param failures how many attempts failed in a row, at least 1
     */
    public Duration delayAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, was " + failures);
        }
        Duration delay = initial;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
