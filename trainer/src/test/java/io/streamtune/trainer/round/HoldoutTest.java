package io.streamtune.trainer.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HoldoutTest {

    private static final List<String> IDS =
            IntStream.range(0, 20_000).mapToObj(i -> "event-" + i).toList();

    @Test
    void shouldHoldOutTheConfiguredShareOfIds() {
        Holdout holdout = new Holdout(0.2);

        long heldOut = IDS.stream().filter(holdout::isHeldOut).count();

        assertThat(heldOut / (double) IDS.size()).isCloseTo(0.2, within(0.01));
    }

    @Test
    void shouldDecideTheSameForTheSameIdEveryTime() {
        List<Boolean> first = IDS.stream().map(new Holdout(0.3)::isHeldOut).toList();
        List<Boolean> second = IDS.stream().map(new Holdout(0.3)::isHeldOut).toList();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldKeepHeldOutIdsHeldOutWhenTheFractionGrows() {
        Holdout small = new Holdout(0.1);
        Holdout large = new Holdout(0.2);

        assertThat(IDS.stream().filter(small::isHeldOut)).allMatch(large::isHeldOut);
    }

    @Test
    void shouldHoldOutEveryClassInItsOwnShareWhenSplittingTheInitialSet() {
        List<Example> examples = new ArrayList<>();
        examples.addAll(labelled("big", 200));
        examples.addAll(labelled("mid", 40));
        examples.addAll(labelled("small", 5));

        Holdout.Split split = new Holdout(0.2).split(examples);

        assertThat(countByLabel(split.heldOut())).isEqualTo(Map.of("big", 40L, "mid", 8L, "small", 1L));
        assertThat(countByLabel(split.train())).isEqualTo(Map.of("big", 160L, "mid", 32L, "small", 4L));
    }

    @Test
    void shouldHoldOutOneOfATinyClassAndNeverAWholeClass() {
        List<Example> examples = new ArrayList<>();
        examples.addAll(labelled("two", 2));
        examples.addAll(labelled("one", 1));
        examples.addAll(labelled("many", 10));

        Holdout.Split split = new Holdout(0.9).split(examples);

        assertThat(countByLabel(split.heldOut())).isEqualTo(Map.of("two", 1L, "many", 9L));
        assertThat(countByLabel(split.train())).isEqualTo(Map.of("two", 1L, "one", 1L, "many", 1L));
        assertThat(new Holdout(0).split(examples).heldOut()).isEmpty();
    }

    @Test
    void shouldSplitTheSameWhateverTheOrderAndHoldOutTheLowestHashesOfEachClass() {
        List<Example> examples = new ArrayList<>(labelled("a", 100));
        examples.addAll(labelled("b", 100));
        Holdout holdout = new Holdout(0.2);
        List<Example> shuffled = new ArrayList<>(examples);
        Collections.shuffle(shuffled, new Random(3));

        Holdout.Split split = holdout.split(examples);

        assertThat(holdout.split(shuffled).heldOut()).containsExactlyInAnyOrderElementsOf(split.heldOut());
        assertThat(split.heldOut()).hasSize(40);
        for (String label : List.of("a", "b")) {
            Set<Example> stratified = split.heldOut().stream()
                    .filter(example -> example.label().equals(label))
                    .collect(Collectors.toSet());
            Set<Example> byHash = examples.stream()
                    .filter(example -> example.label().equals(label) && holdout.isHeldOut(example.eventId()))
                    .collect(Collectors.toSet());
            // both take the lowest hashes of the class, so one contains the other
            assertThat(stratified.containsAll(byHash) || byHash.containsAll(stratified))
                    .as(label)
                    .isTrue();
        }
    }

    private static List<Example> labelled(String label, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Example(label + "-" + i, "text " + i, label))
                .toList();
    }

    private static Map<String, Long> countByLabel(List<Example> examples) {
        return examples.stream().collect(Collectors.groupingBy(Example::label, TreeMap::new, Collectors.counting()));
    }
}
