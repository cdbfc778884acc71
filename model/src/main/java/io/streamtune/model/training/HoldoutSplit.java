package io.streamtune.model.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded, stratified split of labelled examples into training and holdout parts: every label
 * keeps about the same share in both.
 *
 * @param train the examples to learn from
 * @param holdout the examples for early stopping
 */
public record HoldoutSplit(List<LabeledText> train, List<LabeledText> holdout) {

    /** Freezes both lists. */
    public HoldoutSplit {
        train = List.copyOf(train);
        holdout = List.copyOf(holdout);
    }

    /**
     * Splits examples.
     *
     * @param examples the examples
     * @param fraction the share of every label to hold out, in (0, 1)
     * @param seed the shuffling seed
     * @return the split; a label with a single example stays in training
     */
    public static HoldoutSplit of(List<LabeledText> examples, double fraction, long seed) {
        Map<String, List<LabeledText>> byLabel = new LinkedHashMap<>();
        examples.forEach(
                e -> byLabel.computeIfAbsent(e.label(), l -> new ArrayList<>()).add(e));
        Random random = new Random(seed);
        List<LabeledText> train = new ArrayList<>();
        List<LabeledText> holdout = new ArrayList<>();
        for (List<LabeledText> group : byLabel.values()) {
            Collections.shuffle(group, random);
            int held = group.size() < 2 ? 0 : Math.max(1, (int) Math.round(group.size() * fraction));
            holdout.addAll(group.subList(0, held));
            train.addAll(group.subList(held, group.size()));
        }
        Collections.shuffle(train, random);
        return new HoldoutSplit(train, holdout);
    }
}
