package io.streamtune.quality.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.trainer.round.Example;
import io.streamtune.trainer.round.TrainingSetCache;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The small parts of the loop that need no model. */
class LoopPartsTest {

    @Test
    void shouldSplitTheTrainingSetIntoConsumedAndFreshLikeTheTrainersCache() {
        TrainingSetState state = new TrainingSetState();
        state.addConsumed(List.of(example("a", "neg"), example("b", "pos")));
        state.add(example("c", "pos"));
        state.add(example("a", "pos"));

        TrainingSetCache.Snapshot snapshot = state.snapshot(null);

        assertThat(snapshot.earlier()).containsExactly(example("b", "pos"));
        assertThat(snapshot.fresh()).containsExactly(example("c", "pos"), example("a", "pos"));
        assertThat(state.freshCount()).isEqualTo(2);
        state.markConsumed();
        assertThat(state.freshCount()).isZero();
        assertThat(state.all())
                .containsExactlyInAnyOrder(example("a", "pos"), example("b", "pos"), example("c", "pos"));
    }

    @Test
    void shouldCorrectOnlyWrongPredictionsAndAboutTheirShare() {
        SimulatedAnnotator annotator = new SimulatedAnnotator(0.5, 10_000, 1);

        long corrected = IntStream.range(0, 10_000)
                .filter(i -> annotator.corrects(i, true))
                .count();

        assertThat(corrected).isBetween(4_800L, 5_200L);
        assertThat(IntStream.range(0, 10_000).filter(i -> annotator.corrects(i, false)))
                .isEmpty();
    }

    @Test
    void shouldCountTheStreamInWindowsClosingAShortLastOne() {
        StreamWindows windows = new StreamWindows(3);
        for (int i = 0; i < 7; i++) {
            windows.record(i % 2 == 0, i == 1, i < 4 ? 1 : 2);
        }

        List<StreamWindow> closed = windows.windows();

        assertThat(closed)
                .containsExactly(
                        new StreamWindow(0, 0, 3, 2, 1, 1),
                        new StreamWindow(1, 3, 3, 1, 0, 2),
                        new StreamWindow(2, 6, 1, 1, 0, 2));
        assertThat(closed.get(0).accuracy()).isEqualTo(2.0 / 3);
    }

    private static Example example(String id, String label) {
        return new Example(id, "text " + id, label);
    }
}
