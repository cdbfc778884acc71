package io.streamtune.review.accuracy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cohen's kappa between the first and second label of every audit item labelled twice: agreement beyond what the
 * two label distributions would give by chance. 1 is perfect, 0 is chance.
 *
 * @param items how many items were labelled twice
 * @param observed the share of them where both labels agree
 */
public record Agreement(long items, double observed, double kappa) {

    /** A pair of labels of one item, in the order they were given. */
    public record Pair(String first, String second) {}

    public static Agreement of(List<Pair> pairs) {
        if (pairs.isEmpty()) {
            return new Agreement(0, Double.NaN, Double.NaN);
        }
        Map<String, Long> firsts = new HashMap<>();
        Map<String, Long> seconds = new HashMap<>();
        long agreeing = 0;
        for (Pair pair : pairs) {
            firsts.merge(pair.first(), 1L, Long::sum);
            seconds.merge(pair.second(), 1L, Long::sum);
            agreeing += pair.first().equals(pair.second()) ? 1 : 0;
        }
        double n = pairs.size();
        Set<String> labels = new HashSet<>(firsts.keySet());
        labels.addAll(seconds.keySet());
        double chance = 0;
        for (String label : labels) {
            chance += firsts.getOrDefault(label, 0L) / n * (seconds.getOrDefault(label, 0L) / n);
        }
        double observed = agreeing / n;
        double kappa = chance >= 1 ? 1 : (observed - chance) / (1 - chance);
        return new Agreement(pairs.size(), observed, kappa);
    }
}
