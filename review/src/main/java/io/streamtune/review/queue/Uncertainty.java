package io.streamtune.review.queue;

import java.util.Collection;
import java.util.Locale;

/**
 * How unsure the model is of one classification, from its class probabilities: larger is less sure. Each measure
 * is one of the usual active-learning choices.
 */
public enum Uncertainty {
    /** One minus the gap between the two highest probabilities: the smallest margin ranks first. */
    MARGIN {
        @Override
        double of(double[] sortedDescending) {
            double second = sortedDescending.length > 1 ? sortedDescending[1] : 0;
            return 1 - (sortedDescending[0] - second);
        }
    },
    /** Shannon entropy of the distribution, divided by its maximum so it lies in [0, 1]. */
    ENTROPY {
        @Override
        double of(double[] sortedDescending) {
            if (sortedDescending.length < 2) {
                return 0;
            }
            double entropy = 0;
            for (double p : sortedDescending) {
                if (p > 0) {
                    entropy -= p * Math.log(p);
                }
            }
            return entropy / Math.log(sortedDescending.length);
        }
    },
    /** One minus the highest probability. */
    LEAST_CONFIDENCE {
        @Override
        double of(double[] sortedDescending) {
            return 1 - sortedDescending[0];
        }
    };

    abstract double of(double[] sortedDescending);

    /**
     * The uncertainty of a classification.
     *
     * @param probabilities every class's probability (not necessarily in order)
     * @throws IllegalArgumentException when there are none
     */
    public double of(Collection<Double> probabilities) {
        if (probabilities.isEmpty()) {
            throw new IllegalArgumentException("a classification without scores has no uncertainty");
        }
        double[] sorted = probabilities.stream()
                .mapToDouble(Double::doubleValue)
                .map(p -> -p)
                .sorted()
                .map(p -> -p)
                .toArray();
        return of(sorted);
    }

    /** The measure a setting names ({@code margin}, {@code entropy}, {@code least-confidence}). */
    public static Uncertainty fromKey(String key) {
        return valueOf(key.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The setting's name of this measure. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
