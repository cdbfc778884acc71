package io.streamtune.demo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class WindowAccuracyTest {

    static ClassifiedEvent event(int seq, boolean correct, long version) {
        return new ClassifiedEvent(seq, "run/" + seq, "pos", correct ? "pos" : "neg", version);
    }

    @Test
    void shouldCountCorrectEventsPerWindowOfStreamPositionsWhateverTheArrivalOrder() {
        List<ClassifiedEvent> events = new ArrayList<>();
        for (int seq = 9; seq >= 0; seq--) {
            events.add(event(seq, seq % 2 == 0 || seq >= 8, seq < 6 ? 1 : 2));
        }

        List<WindowAccuracy> windows = WindowAccuracy.of(events, 4);

        assertThat(windows).hasSize(3);
        assertThat(windows.get(0)).isEqualTo(new WindowAccuracy(0, 4, 2, 4, new TreeSet<>(List.of(1L))));
        assertThat(windows.get(1).versions()).containsExactly(1L, 2L);
        assertThat(windows.get(1).accuracy()).isEqualTo(0.5);
        assertThat(windows.get(2).from()).isEqualTo(8);
        assertThat(windows.get(2).to()).isEqualTo(10);
        assertThat(windows.get(2).accuracy()).isEqualTo(1.0);
    }

    @Test
    void shouldLeaveOutWindowsThatNoEventFellIn() {
        List<WindowAccuracy> windows = WindowAccuracy.of(List.of(event(0, true, 1), event(25, false, 1)), 10);

        assertThat(windows).extracting(WindowAccuracy::from).containsExactly(0, 20);
        assertThat(windows.get(1).total()).isEqualTo(1);
    }

    @Test
    void shouldPlaceEachTakeoverAtTheFirstStreamPositionAVersionClassified() {
        List<ClassifiedEvent> events =
                List.of(event(5, true, 2), event(0, true, 1), event(3, true, 2), event(4, true, 1), event(9, true, 3));

        assertThat(WindowAccuracy.takeovers(events))
                .containsExactly(
                        new WindowAccuracy.Takeover(1, 0),
                        new WindowAccuracy.Takeover(2, 3),
                        new WindowAccuracy.Takeover(3, 9));
    }

    @Test
    void shouldRefuseAnEmptyWindow() {
        assertThatThrownBy(() -> WindowAccuracy.of(List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window size");
    }
}
