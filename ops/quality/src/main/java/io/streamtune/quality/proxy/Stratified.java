package io.streamtune.quality.proxy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Stratified random samples: each label gets its share of the sample, rounded by largest remainder. */
final class Stratified {

    private Stratified() {}

    /**
     * Draws a sample of events, stratified by label.
     *
     * @param events the events to draw from
     * @param size how many to draw, at most {@code events.size()}
     * @param random the source of randomness
     * @return the positions of the drawn events in {@code events}, ascending
     */
    static List<Integer> sample(List<ProxyEvent> events, int size, Random random) {
        if (size < 0 || size > events.size()) {
            throw new IllegalArgumentException("cannot draw " + size + " of " + events.size() + " events");
        }
        Map<String, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < events.size(); i++) {
            byLabel.computeIfAbsent(events.get(i).label(), label -> new ArrayList<>())
                    .add(i);
        }
        Map<String, Integer> quotas = quotas(byLabel, size, events.size());
        List<Integer> drawn = new ArrayList<>();
        byLabel.forEach((label, positions) -> {
            List<Integer> shuffled = new ArrayList<>(positions);
            Collections.shuffle(shuffled, random);
            drawn.addAll(shuffled.subList(0, quotas.get(label)));
        });
        Collections.sort(drawn);
        return drawn;
    }

    /** Each label's share of {@code size}, proportional to its count; the rounding goes to the largest remainders. */
    private static Map<String, Integer> quotas(Map<String, List<Integer>> byLabel, int size, int total) {
        Map<String, Integer> quotas = new TreeMap<>();
        Map<String, Double> remainders = new TreeMap<>();
        int given = 0;
        for (Map.Entry<String, List<Integer>> entry : byLabel.entrySet()) {
            double exact = (double) size * entry.getValue().size() / total;
            int floor = (int) Math.floor(exact);
            quotas.put(entry.getKey(), floor);
            remainders.put(entry.getKey(), exact - floor);
            given += floor;
        }
        List<String> byRemainder = new ArrayList<>(remainders.keySet());
        byRemainder.sort((a, b) -> Double.compare(remainders.get(b), remainders.get(a)));
        for (int i = 0; i < size - given; i++) {
            quotas.merge(byRemainder.get(i), 1, Integer::sum);
        }
        return quotas;
    }

    /** The events at the positions, in order. */
    static List<ProxyEvent> pick(List<ProxyEvent> events, List<Integer> positions) {
        return positions.stream().map(events::get).toList();
    }

    /** The events not at the positions, in order. */
    static List<ProxyEvent> rest(List<ProxyEvent> events, List<Integer> positions) {
        boolean[] taken = new boolean[events.size()];
        positions.forEach(position -> taken[position] = true);
        List<ProxyEvent> rest = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (!taken[i]) {
                rest.add(events.get(i));
            }
        }
        return rest;
    }

    /** A source of randomness for one proxy and seed: different proxies draw differently for the same seed. */
    static Random random(String proxy, long seed) {
        return new Random(seed * 1_000_003L + proxy.hashCode());
    }
}
