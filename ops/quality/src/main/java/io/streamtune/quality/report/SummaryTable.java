package io.streamtune.quality.report;

import io.streamtune.quality.loop.RunResult;
import io.streamtune.quality.loop.Variant;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** The printed summary: one markdown table per proxy, each cell the min-max over the seeds. */
public final class SummaryTable {

    private SummaryTable() {}

    /** The tables of every proxy in the results, in the order they first appear. */
    public static String render(Variant variant, List<RunResult> results) {
        Map<String, List<RunResult>> byProxy = new LinkedHashMap<>();
        results.forEach(result -> byProxy.computeIfAbsent(result.proxy(), proxy -> new ArrayList<>())
                .add(result));
        StringBuilder out = new StringBuilder();
        byProxy.forEach((proxy, runs) -> out.append(table(variant, proxy, runs)).append('\n'));
        return out.toString();
    }

    private static String table(Variant variant, String proxy, List<RunResult> runs) {
        String seeds = runs.stream().map(run -> Long.toString(run.seed())).collect(Collectors.joining(","));
        String overrides = variant.describe().isEmpty() ? "trainer defaults" : variant.describe();
        StringBuilder table = new StringBuilder();
        table.append(String.format(
                Locale.ROOT, "### %s: variant %s (%s), seeds %s%n%n", proxy, variant.label(), overrides, seeds));
        table.append("| measure | min-max over seeds |\n|---|---|\n");
        row(table, "v1 test acc / F1", pair(runs, r -> r.bootstrap().test().accuracy(), r -> r.bootstrap()
                .test()
                .macroF1()));
        row(table, "final test acc / F1", pair(runs, r -> r.last().test().accuracy(), r -> r.last()
                .test()
                .macroF1()));
        row(table, "streaming acc", range(runs, RunResult::streamAccuracy, "%.3f"));
        row(
                table,
                "BoW same labels acc / F1",
                pair(runs, r -> r.last().bagOfWords().accuracy(), r -> r.last()
                        .bagOfWords()
                        .macroF1()));
        row(
                table,
                "BoW all labels acc / F1",
                pair(runs, r -> r.bagOfWordsAllLabels().accuracy(), r -> r.bagOfWordsAllLabels()
                        .macroF1()));
        row(
                table,
                "rounds promoted / run",
                range(runs, r -> r.roundsPromoted(), "%.0f") + " / " + range(runs, r -> r.roundsRun(), "%.0f"));
        row(table, "mean round s", range(runs, RunResult::meanRoundSeconds, "%.1f"));
        row(table, "bootstrap s", range(runs, r -> r.bootstrap().seconds(), "%.1f"));
        row(
                table,
                "labels used / streamed",
                range(runs, r -> r.last().labelsUsed(), "%.0f") + " / " + range(runs, r -> r.streamed(), "%.0f"));
        return table.toString();
    }

    private static void row(StringBuilder table, String measure, String value) {
        table.append("| ").append(measure).append(" | ").append(value).append(" |\n");
    }

    private static String pair(
            List<RunResult> runs, ToDoubleFunction<RunResult> first, ToDoubleFunction<RunResult> second) {
        return range(runs, first, "%.3f") + " / " + range(runs, second, "%.3f");
    }

    /** {@code min-max} of the values, one value when they print alike, {@code n/a} when none is a number. */
    static String range(List<RunResult> runs, ToDoubleFunction<RunResult> measure, String format) {
        DoubleSummaryStatistics stats = runs.stream()
                .mapToDouble(measure)
                .filter(value -> !Double.isNaN(value))
                .summaryStatistics();
        if (stats.getCount() == 0) {
            return "n/a";
        }
        String min = String.format(Locale.ROOT, format, stats.getMin());
        String max = String.format(Locale.ROOT, format, stats.getMax());
        return min.equals(max) ? min : min + "-" + max;
    }
}
