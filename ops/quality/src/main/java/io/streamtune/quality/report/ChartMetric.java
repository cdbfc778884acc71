package io.streamtune.quality.report;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a learning-curve chart plots on its y axis: a curve CSV column of the version in service. */
public enum ChartMetric {
    TEST_ACC("test_acc", "test accuracy"),
    TEST_F1("test_f1", "test macro-F1");

    private final String column;
    private final String axisLabel;

    ChartMetric(String column, String axisLabel) {
        this.column = column;
        this.axisLabel = axisLabel;
    }

    /** The curve CSV column, also the key on the command line. */
    public String column() {
        return column;
    }

    public String axisLabel() {
        return axisLabel;
    }

    /** The metric of a column name; an unknown one is refused with the names that exist. */
    public static ChartMetric fromColumn(String column) {
        return Arrays.stream(values())
                .filter(metric -> metric.column.equals(column))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--metric " + column + ": not one of " + keys()));
    }

    private static String keys() {
        return Arrays.stream(values()).map(ChartMetric::column).collect(Collectors.joining(", "));
    }
}
