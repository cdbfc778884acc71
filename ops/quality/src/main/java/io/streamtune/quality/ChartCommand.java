package io.streamtune.quality;

import io.streamtune.quality.report.ChartMetric;
import io.streamtune.quality.report.CurveChart;
import io.streamtune.quality.report.CurveFile;
import io.streamtune.quality.report.NamedCurve;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jfree.chart.JFreeChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code quality chart} command: learning curves of earlier runs, read from their curve CSVs, as one PNG. Every
 * argument is checked and every file read before the chart is drawn, so bad input writes nothing.
 *
 * <pre>
 * quality chart --out curves.png uncertain=out/uncertain-b10/few-labels-seed1-curve.csv arrival=out/arrival-b10/...
 * </pre>
 */
@Command(
        name = "chart",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Draws learning curves from runs' <proxy>-seed<n>-curve.csv files: a line per NAME, x the labels beyond"
                    + " the seed, y the metric of the version in service after bootstrap and each round; a hollow"
                    + " marker where the gate rejected the round's candidate."
        })
final class ChartCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The PNG to write.")
    private Path out;

    @Option(
            names = "--title",
            paramLabel = "TEXT",
            defaultValue = "Learning curves",
            description = "The chart's title (default: ${DEFAULT-VALUE}).")
    private String title;

    @Option(
            names = "--metric",
            paramLabel = "COLUMN",
            defaultValue = "test_acc",
            description = "test_acc or test_f1 (default: ${DEFAULT-VALUE}).")
    private String metric;

    @Option(
            names = "--width",
            paramLabel = "PX",
            defaultValue = "900",
            description = "Width in pixels (default: ${DEFAULT-VALUE}).")
    private int width;

    @Option(
            names = "--height",
            paramLabel = "PX",
            defaultValue = "560",
            description = "Height in pixels (default: ${DEFAULT-VALUE}).")
    private int height;

    @Parameters(
            paramLabel = "NAME=CURVE_CSV",
            arity = "1..*",
            description = "A line's legend name and the curve CSV it draws, in legend order.")
    private List<String> curves;

    @Override
    public Integer call() throws IOException {
        ChartMetric chartMetric = ChartMetric.fromColumn(metric);
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException(
                    "--width and --height must be 100 pixels or more: " + width + "x" + height);
        }
        List<NamedCurve> named = readCurves(chartMetric);
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // draws off screen; never needs a display
        }
        JFreeChart chart = CurveChart.build(title, chartMetric, named);
        CurveChart.writePng(chart, out, width, height);
        spec.commandLine().getOut().println("quality chart: wrote " + out + " (" + named.size() + " curves)");
        spec.commandLine().getOut().flush();
        return 0;
    }

    private List<NamedCurve> readCurves(ChartMetric chartMetric) {
        List<NamedCurve> named = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (String argument : curves) {
            int equals = argument.indexOf('=');
            if (equals <= 0 || equals == argument.length() - 1) {
                throw new IllegalArgumentException("curve argument '" + argument + "' is not NAME=CURVE_CSV");
            }
            String name = argument.substring(0, equals);
            if (!names.add(name)) {
                throw new IllegalArgumentException(
                        "curve argument '" + argument + "': the name " + name + " is given twice");
            }
            try {
                named.add(new NamedCurve(name, CurveFile.read(Path.of(argument.substring(equals + 1)), chartMetric)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("curve argument '" + argument + "': " + e.getMessage(), e);
            }
        }
        return named;
    }
}
