package io.streamtune.quality.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** CSV cells: numbers with a dot and four decimals, NaN as an empty cell, text quoted when it needs to be. */
final class Csv {

    private Csv() {}

    static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    static String text(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    static String row(List<String> cells) {
        return cells.stream().collect(Collectors.joining(",")) + "\n";
    }
}
