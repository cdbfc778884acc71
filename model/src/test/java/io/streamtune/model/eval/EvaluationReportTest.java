package io.streamtune.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationReportTest {

    // Confusion (rows true a,b,c; columns predicted a,b,c): [2 1 1] [1 2 0] [0 1 2]
    private static final List<String> TRUTH = List.of("a", "a", "a", "a", "b", "b", "b", "c", "c", "c");
    private static final List<String> PREDICTED = List.of("a", "a", "b", "c", "b", "b", "a", "c", "c", "b");
    private static final double EPS = 1e-12;

    @Test
    void shouldCountConfusionMatrixWithTrueLabelsAsRows() {
        EvaluationReport report = EvaluationReport.of(TRUTH, PREDICTED);

        assertThat(report.labels()).containsExactly("a", "b", "c");
        assertThat(report.confusionMatrix()).isDeepEqualTo(new int[][] {{2, 1, 1}, {1, 2, 0}, {0, 1, 2}});
        assertThat(report.total()).isEqualTo(10);
    }

    @Test
    void shouldComputeAccuracyAndMacroF1ByHand() {
        EvaluationReport report = EvaluationReport.of(TRUTH, PREDICTED);

        assertThat(report.accuracy()).isCloseTo(0.6, within(EPS));
        // F1: a = 2·(2/3)(1/2)/(2/3+1/2) = 4/7, b = 4/7, c = 2/3; mean = 38/63
        assertThat(report.macroF1()).isCloseTo(38.0 / 63.0, within(EPS));
    }

    @Test
    void shouldComputePerClassPrecisionRecallF1ByHand() {
        List<ClassMetrics> metrics = EvaluationReport.of(TRUTH, PREDICTED).perClass();

        assertThat(metrics.get(0).precision()).isCloseTo(2.0 / 3.0, within(EPS));
        assertThat(metrics.get(0).recall()).isCloseTo(0.5, within(EPS));
        assertThat(metrics.get(0).f1()).isCloseTo(4.0 / 7.0, within(EPS));
        assertThat(metrics.get(0).support()).isEqualTo(4);
        assertThat(metrics.get(1).precision()).isCloseTo(0.5, within(EPS));
        assertThat(metrics.get(1).recall()).isCloseTo(2.0 / 3.0, within(EPS));
        assertThat(metrics.get(1).f1()).isCloseTo(4.0 / 7.0, within(EPS));
        assertThat(metrics.get(2).f1()).isCloseTo(2.0 / 3.0, within(EPS));
        assertThat(metrics.get(2).support()).isEqualTo(3);
    }

    @Test
    void shouldScoreAbsentClassZeroAndCountItInMacroF1() {
        EvaluationReport report = EvaluationReport.of(List.of("a", "b", "c", "d"), TRUTH, PREDICTED);

        assertThat(report.perClass().get(3)).isEqualTo(new ClassMetrics("d", 0.0, 0.0, 0.0, 0));
        assertThat(report.macroF1()).isCloseTo(38.0 / 84.0, within(EPS));
        assertThat(report.accuracy()).isCloseTo(0.6, within(EPS));
    }

    @Test
    void shouldFlattenMetricsIntoMapForModelVersionRecord() {
        Map<String, Double> map = EvaluationReport.of(TRUTH, PREDICTED).toMap();

        assertThat(map).hasSize(24);
        assertThat(map.get("confusion.a->a") + map.get("confusion.a->b") + map.get("confusion.a->c"))
                .isEqualTo(4.0);
        assertThat(map.get("accuracy")).isCloseTo(0.6, within(EPS));
        assertThat(map.get("macroF1")).isCloseTo(38.0 / 63.0, within(EPS));
        assertThat(map.get("examples")).isEqualTo(10.0);
        assertThat(map.get("precision.b")).isCloseTo(0.5, within(EPS));
        assertThat(map.get("recall.a")).isCloseTo(0.5, within(EPS));
        assertThat(map.get("f1.c")).isCloseTo(2.0 / 3.0, within(EPS));
        assertThat(map.get("support.a")).isEqualTo(4.0);
        assertThatThrownBy(() -> map.put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldPrintReadableTable() {
        String table = EvaluationReport.of(TRUTH, PREDICTED).toString();

        assertThat(table)
                .contains("examples 10  accuracy 0.6000  macro-F1 0.6032")
                .contains("a            0.6667    0.5000    0.5714         4")
                .contains("true\\pred         a         b         c");
        assertThat(table.lines()).hasSize(9);
    }

    @Test
    void shouldGiveZeroScoresForNoExamples() {
        EvaluationReport report = EvaluationReport.of(List.of("neg", "pos"), List.of(), List.of());

        assertThat(report.accuracy()).isZero();
        assertThat(report.macroF1()).isZero();
    }

    @Test
    void shouldRefuseUnknownLabelAndMismatchedSizes() {
        assertThatThrownBy(() -> EvaluationReport.of(List.of("a"), List.of("a"), List.of("z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label z");
        assertThatThrownBy(() -> EvaluationReport.of(List.of("a"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("differ in size");
    }
}
