package io.streamtune.quality.loop;

import io.streamtune.review.queue.Uncertainty;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** What a budgeted annotator labels in one review window: positions in the window, in arrival order. */
final class LabelChoice {

    private LabelChoice() {}

    /**
     * The {@code budget} items the review workbench's uncertain lane ranks first ({@link Uncertainty#MARGIN}: the
     * smallest gap between the two top probabilities); ties go to the earlier item.
     */
    static List<Integer> uncertain(List<Classified> window, int budget) {
        double[] uncertainty = window.stream()
                .mapToDouble(item -> Uncertainty.MARGIN.of(item.probabilities()))
                .toArray();
        return IntStream.range(0, window.size())
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -uncertainty[i])
                        .thenComparing(i -> i))
                .limit(budget)
                .sorted()
                .toList();
    }

    /** The first {@code allowance} mistakes of the window, in arrival order. */
    static List<Integer> arrivalMistakes(List<Classified> window, List<String> truth, int allowance) {
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < window.size() && chosen.size() < allowance; i++) {
            if (!window.get(i).label().equals(truth.get(i))) {
                chosen.add(i);
            }
        }
        return chosen;
    }
}
