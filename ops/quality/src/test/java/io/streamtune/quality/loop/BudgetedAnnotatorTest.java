package io.streamtune.quality.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.streamtune.quality.proxy.ProxyEvent;
import io.streamtune.review.accuracy.VersionAccuracy;
import io.streamtune.review.accuracy.Wilson;
import io.streamtune.review.queue.AuditSample;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the budgeted annotators label, and the audit's estimate of each version. */
class BudgetedAnnotatorTest {

    @Test
    void shouldPickTheBudgetItemsWithTheSmallestMarginInArrivalOrder() {
        List<Classified> window = List.of(
                classified("neg", 0.90, 0.10), // margin 0.80
                classified("neg", 0.55, 0.45), // margin 0.10
                classified("pos", 0.20, 0.80), // margin 0.60
                classified("pos", 0.48, 0.52), // margin 0.04
                classified("neg", 0.70, 0.30)); // margin 0.40

        assertThat(LabelChoice.uncertain(window, 2)).containsExactly(1, 3);
        assertThat(LabelChoice.uncertain(window, 3)).containsExactly(1, 3, 4);
        assertThat(LabelChoice.uncertain(window, 9)).containsExactly(0, 1, 2, 3, 4);
        assertThat(LabelChoice.uncertain(window, 0)).isEmpty();
    }

    @Test
    void shouldRankByTheGapBetweenTheTwoTopProbabilitiesNotByTheTopOne() {
        List<Classified> window = List.of(
                classified("a", 0.50, 0.10, 0.40), // top 0.50 but margin 0.10
                classified("a", 0.40, 0.35, 0.25), // margin 0.05
                classified("a", 0.45, 0.30, 0.25)); // lowest top but margin 0.15

        assertThat(LabelChoice.uncertain(window, 1)).containsExactly(1);
        assertThat(LabelChoice.uncertain(window, 2)).containsExactly(0, 1);
    }

    @Test
    void shouldGiveTiesToTheEarlierItem() {
        List<Classified> window =
                List.of(classified("neg", 0.6, 0.4), classified("pos", 0.4, 0.6), classified("neg", 0.6, 0.4));

        assertThat(LabelChoice.uncertain(window, 2)).containsExactly(0, 1);
    }

    @Test
    void shouldLabelTheFirstMistakesInArrivalOrderUpToTheAllowance() {
        List<Classified> window = List.of(
                classified("neg", 0.9, 0.1),
                classified("pos", 0.1, 0.9),
                classified("neg", 0.9, 0.1),
                classified("neg", 0.9, 0.1),
                classified("pos", 0.1, 0.9));
        List<String> truth = List.of("neg", "neg", "pos", "neg", "neg");

        assertThat(LabelChoice.arrivalMistakes(window, truth, 2)).containsExactly(1, 2);
        assertThat(LabelChoice.arrivalMistakes(window, truth, 10)).containsExactly(1, 2, 4);
    }

    @Test
    void shouldEstimateEachVersionsAccuracyOnItsAuditedEventsWithAWilsonInterval() {
        AuditTally tally = new AuditTally("quality-few-labels", 1.0);
        for (int i = 0; i < 20; i++) {
            tally.observe(event(i, "pos"), 1, i < 15 ? "pos" : "neg");
        }
        for (int i = 20; i < 30; i++) {
            tally.observe(event(i, "neg"), 2, "neg");
        }

        Map<Long, VersionAccuracy> byVersion = tally.byVersion();

        assertThat(byVersion).containsOnlyKeys(1L, 2L);
        assertThat(byVersion.get(1L).audited()).isEqualTo(20);
        assertThat(byVersion.get(1L).accuracy()).isCloseTo(0.75, within(1e-9));
        assertThat(byVersion.get(1L).interval()).isEqualTo(Wilson.of(15, 20));
        assertThat(byVersion.get(2L).accuracy()).isEqualTo(1.0);
        assertThat(byVersion.get(2L).interval().low()).isLessThan(1.0);
    }

    @Test
    void shouldAuditExactlyTheEventsTheWorkbenchsSampleDraws() {
        AuditTally tally = new AuditTally("quality-few-labels", 0.1);
        AuditSample sample = new AuditSample(0.1);
        List<ProxyEvent> events =
                IntStream.range(0, 500).mapToObj(i -> event(i, "pos")).toList();
        events.forEach(event -> tally.observe(event, 1, "pos"));

        long drawn = events.stream().filter(event -> sample.draws(event.id())).count();

        assertThat(drawn).isBetween(25L, 80L);
        assertThat(tally.byVersion().get(1L).audited()).isEqualTo(drawn);
        assertThat(new AuditTally("m", 0).byVersion()).isEmpty();
    }

    @Test
    void shouldTurnFusedLogitsIntoProbabilities() {
        List<Double> probabilities = ServingModel.softmax(new float[] {0f, (float) Math.log(3)});

        assertThat(probabilities.get(0)).isCloseTo(0.25, within(1e-6));
        assertThat(probabilities.get(1)).isCloseTo(0.75, within(1e-6));
    }

    @Test
    void shouldRefuseABudgetTheAnnotatorCannotUse() {
        assertThatThrownBy(() -> new LoopSettings(1, 0.5, 100, Annotator.UNCERTAIN, 0, 50, 0))
                .hasMessageContaining("--budget");
        assertThatThrownBy(() -> new LoopSettings(1, 0.5, 100, Annotator.ARRIVAL, 20, 10, 0))
                .hasMessageContaining("--review-window");
        assertThatThrownBy(() -> new LoopSettings(1, 0.5, 100, Annotator.ARRIVAL, 0, 10, 1.5))
                .hasMessageContaining("--audit-rate");
        assertThatThrownBy(() -> Annotator.fromKey("random")).hasMessageContaining("--annotator");
        assertThat(Annotator.fromKey(" Uncertain")).isEqualTo(Annotator.UNCERTAIN);
    }

    private static Classified classified(String label, double... probabilities) {
        return new Classified(
                label, java.util.Arrays.stream(probabilities).boxed().toList());
    }

    private static ProxyEvent event(int i, String label) {
        return new ProxyEvent("few-labels/" + i, "text " + i, label, List.of("s" + i));
    }
}
