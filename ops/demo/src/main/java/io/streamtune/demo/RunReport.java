package io.streamtune.demo;

import io.streamtune.demo.report.ChartData;
import io.streamtune.demo.report.PngChart;
import io.streamtune.demo.report.SvgChart;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/** The end of a run on disk and on the console: the accuracy charts and the summary. */
final class RunReport {

    private RunReport() {}

    /** Draws the accuracy per window, with the events where each version took over, as HTML and PNG. */
    static void drawCharts(DemoResult result, DemoSettings settings) throws IOException {
        ChartData chart = new ChartData(
                "Streamtune demo " + result.runId() + ": accuracy per " + settings.window() + " events",
                result.windows(),
                result.takeovers(),
                result.stream().size());
        SvgChart.writeHtml(chart, result.files().html());
        PngChart.write(chart, result.files().png());
    }

    /** Writes the summary to its file and prints it after a blank line. */
    static void writeSummary(DemoResult result, DemoSettings settings, PrintStream out) throws IOException {
        List<String> summary = SummaryText.render(result, settings);
        Files.write(result.files().summary(), summary, StandardCharsets.UTF_8);
        out.println();
        summary.forEach(out::println);
        out.flush();
    }
}
