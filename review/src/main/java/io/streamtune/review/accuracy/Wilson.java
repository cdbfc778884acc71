package io.streamtune.review.accuracy;

/** The Wilson score interval of a proportion at 95%: sound for small samples and for proportions near 0 or 1. */
public record Wilson(double low, double high) {

    private static final double Z = 1.959964;

    /** The interval of {@code successes} out of {@code trials}; [0, 1] when there are no trials. */
    public static Wilson of(long successes, long trials) {
        if (trials == 0) {
            return new Wilson(0, 1);
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new Wilson(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
