package io.streamtune.trainer.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
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
}
