package io.streamtune.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.schemas.Classification;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalLogicTest {

    @Test
    void shouldTakePercentilesByNearestRank() {
        Percentiles values = new Percentiles(new long[] {50, 10, 40, 20, 30, 60, 70, 80, 90, 100});

        assertThat(values.of(50)).isEqualTo(50);
        assertThat(values.of(95)).isEqualTo(100);
        assertThat(values.of(99)).isEqualTo(100);
        assertThat(values.of(10)).isEqualTo(10);
        assertThat(new Percentiles(new long[] {7}).of(99)).isEqualTo(7);
    }

    @Test
    void shouldMatchOnlyTheFirstClassificationOfEachSentIdAndMeasureLatency() {
        EvalTracker tracker = new EvalTracker();
        tracker.sent("r-1", new LabelledExample(1, "good", "pos"), 1_000_000_000L);
        tracker.sent("r-2", new LabelledExample(2, "bad", "neg"), 1_000_000_000L);
        tracker.sent("r-3", new LabelledExample(3, "meh", "neg"), 1_000_000_000L);

        assertThat(tracker.received(classification("other", "pos"), 1_500_000_000L))
                .isFalse();
        assertThat(tracker.received(classification("r-1", "pos"), 1_020_000_000L))
                .isTrue();
        assertThat(tracker.received(classification("r-2", "pos"), 1_030_000_000L))
                .isTrue();
        assertThat(tracker.received(classification("r-2", "neg"), 1_040_000_000L))
                .isFalse();

        assertThat(tracker.classified()).isEqualTo(2);
        assertThat(tracker.missing()).extracting(LabelledExample::line).containsExactly(3L);
        assertThat(tracker.outcomes())
                .extracting(EvalTracker.Outcome::latencyMillis)
                .containsExactly(20L, 30L);
        EvaluationReport report = EvalSummary.report(tracker.outcomes());
        assertThat(report.accuracy()).isEqualTo(0.5);
        assertThat(report.confusionMatrix()).isEqualTo(new int[][] {{0, 1}, {0, 1}});
    }

    @Test
    void shouldPrintCountsTheReportAndLatencyPercentiles() {
        EvalTracker tracker = new EvalTracker();
        for (int i = 1; i <= 100; i++) {
            tracker.sent("r-" + i, new LabelledExample(i, "t", i % 2 == 0 ? "pos" : "neg"), 0);
            tracker.received(classification("r-" + i, "pos"), i * 1_000_000L);
        }

        String printed = EvalSummary.format(tracker.outcomes(), 101, tracker.missing());

        assertThat(printed)
                .startsWith("classified 100 of 101 sent (0 dead-lettered, 0 not read back in time)")
                .contains("accuracy 0.5000")
                .contains("true\\pred")
                .contains("p50 50  p95 95  p99 99  max 100");
    }

    @Test
    void shouldCountDeadLetteredTextsByReasonApartFromMissingOnes() {
        EvalTracker tracker = new EvalTracker();
        for (int i = 1; i <= 5; i++) {
            tracker.sent("r-" + i, new LabelledExample(i, "t", "pos"), 0);
        }
        tracker.received(classification("r-1", "pos"), 1_000_000L);

        assertThat(tracker.deadLettered("r-2", "TEXT_TOO_LARGE")).isTrue();
        assertThat(tracker.deadLettered("r-3", "EMPTY_TEXT")).isTrue();
        assertThat(tracker.deadLettered("r-4", "TEXT_TOO_LARGE")).isTrue();
        assertThat(tracker.deadLettered("r-4", "TEXT_TOO_LARGE")).isFalse();
        assertThat(tracker.deadLettered("someone-else", "EMPTY_TEXT")).isFalse();

        assertThat(tracker.answered()).isEqualTo(4);
        assertThat(tracker.missing()).extracting(LabelledExample::line).containsExactly(5L);
        assertThat(tracker.deadLetteredByReason())
                .containsExactly(Map.entry("TEXT_TOO_LARGE", 2L), Map.entry("EMPTY_TEXT", 1L));
        assertThat(EvalSummary.format(tracker.outcomes(), 5, tracker.missing(), tracker.deadLetteredByReason()))
                .startsWith("classified 1 of 5 sent (3 dead-lettered, 1 not read back in time)")
                .contains("dead-lettered by reason: TEXT_TOO_LARGE 2 EMPTY_TEXT 1");
    }

    private static Classification classification(String id, String label) {
        return Classification.newBuilder()
                .setEventId(id)
                .setText("t")
                .setLabel(label)
                .setConfidence(0.9)
                .setScores(Map.of(label, 0.9))
                .setModelName("m")
                .setModelVersion(1)
                .setTruncated(false)
                .setEventTime(Instant.EPOCH)
                .setClassifiedTime(Instant.EPOCH)
                .setInferenceMillis(1)
                .setQueueMillis(1)
                .setBatchSize(1)
                .build();
    }
}
