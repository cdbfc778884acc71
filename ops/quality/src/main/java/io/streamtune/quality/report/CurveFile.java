package io.streamtune.quality.report;

import io.streamtune.quality.loop.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a run's {@code <proxy>-seed<n>-curve.csv} (as {@link RunFiles} writes it) into the steps a chart draws. Any
 * problem with the file (missing, unreadable, a column or the bootstrap row absent, a cell that is not a number) is
 * an {@link IllegalArgumentException} naming the file and, where there is one, the line.
 */
public final class CurveFile {

    private CurveFile() {}

    /** The file's steps in file order, with the metric's value and labels counted from step 0's. */
    public static List<CurveStep> read(Path file, ChartMetric metric) {
        List<String> lines = lines(file);
        if (lines.isEmpty()) {
            throw problem(file, "empty, no header line");
        }
        Columns columns = Columns.of(file, lines.get(0), metric);
        List<Row> rows = new ArrayList<>();
        for (int index = 1; index < lines.size(); index++) {
            if (!lines.get(index).isBlank()) {
                rows.add(columns.row(lines.get(index), index + 1));
            }
        }
        int seedLabels = rows.stream()
                .filter(row -> row.step() == 0)
                .findFirst()
                .orElseThrow(() -> problem(file, "no step 0 (the bootstrap) to count labels from"))
                .labelsUsed();
        return rows.stream()
                .map(row ->
                        new CurveStep(row.labelsUsed() - seedLabels, row.value(), row.outcome() == Outcome.REJECTED))
                .toList();
    }

    private static List<String> lines(Path file) {
        if (!Files.isRegularFile(file)) {
            throw problem(file, "no such file");
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw problem(file, "cannot read it (" + e.getMessage() + ")");
        }
    }

    static IllegalArgumentException problem(Path file, String what) {
        return new IllegalArgumentException(file + ": " + what);
    }

    private record Row(int step, int labelsUsed, Outcome outcome, double value) {}

    /** Where the needed columns are in this file's header. */
    private record Columns(Path file, int width, int step, int labelsUsed, int outcome, int value, String metric) {

        static Columns of(Path file, String header, ChartMetric metric) {
            List<String> names = List.of(header.split(",", -1));
            return new Columns(
                    file,
                    names.size(),
                    index(file, names, "step"),
                    index(file, names, "labels_used"),
                    index(file, names, "outcome"),
                    index(file, names, metric.column()),
                    metric.column());
        }

        private static int index(Path file, List<String> names, String column) {
            int index = names.indexOf(column);
            if (index < 0) {
                throw problem(file, "no column " + column + " in its header (not a quality curve CSV?)");
            }
            return index;
        }

        Row row(String line, int lineNumber) {
            String[] cells = line.split(",", -1);
            if (cells.length != width) {
                throw problem(file, "line " + lineNumber + " has " + cells.length + " cells, the header " + width);
            }
            return new Row(
                    integer(cells[step], "step", lineNumber),
                    integer(cells[labelsUsed], "labels_used", lineNumber),
                    outcome(cells[outcome], lineNumber),
                    number(cells[value], metric, lineNumber));
        }

        private double number(String cell, String column, int lineNumber) {
            try {
                return Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw problem(file, "line " + lineNumber + ": " + column + " '" + cell + "' is not a number");
            }
        }

        private int integer(String cell, String column, int lineNumber) {
            try {
                return Integer.parseInt(cell);
            } catch (NumberFormatException e) {
                throw problem(file, "line " + lineNumber + ": " + column + " '" + cell + "' is not a whole number");
            }
        }

        private Outcome outcome(String cell, int lineNumber) {
            try {
                return Outcome.valueOf(cell);
            } catch (IllegalArgumentException e) {
                throw problem(file, "line " + lineNumber + ": outcome '" + cell + "' is not a loop outcome");
            }
        }
    }
}
