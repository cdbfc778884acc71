package io.streamtune.quality.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Learning curves on one chart (JFreeChart): a line per curve, x the labels the stream added beyond the seed, y a
 * metric of the version in service after each step; a hollow marker where the gate rejected the round's candidate.
 */
public final class CurveChart {

    static final String REJECTED_NOTE =
            "hollow marker: the gate rejected that round's candidate (the version in" + " service stayed)";

    /** Okabe-Ito colours, ordered so that curves 1 and 3 (and 2 and 4) share a hue: blue, vermillion, ... */
    private static final List<Color> PALETTE = List.of(
            new Color(0x0072B2),
            new Color(0xD55E00),
            new Color(0x56B4E9),
            new Color(0xE69F00),
            new Color(0x009E73),
            new Color(0xCC79A7),
            new Color(0x000000),
            new Color(0xF0E442));

    private static final double MARKER = 9;

    private CurveChart() {}

    /** The chart of the curves, in their order; a curve without steps is refused. */
    public static JFreeChart build(String title, ChartMetric metric, List<NamedCurve> curves) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (NamedCurve curve : curves) {
            if (curve.steps().isEmpty()) {
                throw new IllegalArgumentException("curve " + curve.name() + " has no steps");
            }
            XYSeries series = new XYSeries(curve.name(), false, true);
            curve.steps().forEach(step -> series.add(step.labelsBeyondSeed(), step.value()));
            dataset.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(
                title,
                "labels beyond the seed",
                metric.axisLabel() + " of the version in service",
                dataset,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        chart.addSubtitle(new TextTitle(
                "after bootstrap (0) and each round; " + REJECTED_NOTE, new Font("SansSerif", Font.PLAIN, 12)));
        style(chart.getXYPlot(), curves);
        return chart;
    }

    /** Writes the chart as a PNG of that size, whole or not at all (a temporary file moved into place). */
    public static void writePng(JFreeChart chart, Path file, int width, int height) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, ".chart-", ".png");
        try {
            ChartUtils.saveChartAsPNG(partial.toFile(), chart, width, height);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void style(XYPlot plot, List<NamedCurve> curves) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        NumberAxis labels = (NumberAxis) plot.getDomainAxis();
        labels.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        labels.setAutoRangeIncludesZero(true);
        labels.setAutoRangeStickyZero(false); // a margin left of 0, so the bootstrap markers show whole
        NumberAxis metric = (NumberAxis) plot.getRangeAxis();
        double lower = lowerBound(curves);
        metric.setRange(lower, 1.0);
        metric.setTickUnit(new NumberTickUnit(1.0 - lower > 0.3 ? 0.05 : 0.02));
        metric.setNumberFormatOverride(new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        XYLineAndShapeRenderer renderer = new RejectedHollowRenderer(curves);
        for (int index = 0; index < curves.size(); index++) {
            Color colour = PALETTE.get(index % PALETTE.size());
            renderer.setSeriesPaint(index, colour);
            renderer.setSeriesFillPaint(index, colour);
            renderer.setSeriesOutlineStroke(index, new BasicStroke(1.5f));
            renderer.setSeriesStroke(index, new BasicStroke(2f));
            renderer.setSeriesShape(index, shape(index));
        }
        plot.setRenderer(renderer);
    }

    /** A bit below the lowest value, down to the next 0.05; 0 when there is no finite value. */
    static double lowerBound(List<NamedCurve> curves) {
        double lowest = curves.stream()
                .flatMap(curve -> curve.steps().stream())
                .mapToDouble(CurveStep::value)
                .filter(Double::isFinite)
                .min()
                .orElse(0.02);
        return Math.max(0, Math.floor((lowest - 0.02) * 20 + 1e-9) / 20);
    }

    private static Shape shape(int index) {
        double half = MARKER / 2;
        return switch (index % 4) {
            case 0 -> new Ellipse2D.Double(-half, -half, MARKER, MARKER);
            case 1 -> new Rectangle2D.Double(-half, -half, MARKER, MARKER);
            case 2 -> polygon(new double[] {0, half, -half}, new double[] {-half, half, half});
            default -> polygon(new double[] {0, half, 0, -half}, new double[] {-half, 0, half, 0});
        };
    }

    private static Shape polygon(double[] xs, double[] ys) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int index = 1; index < xs.length; index++) {
            path.lineTo(xs[index], ys[index]);
        }
        path.closePath();
        return path;
    }

    /** Lines and markers; a step whose candidate was rejected gets a white marker with the curve's outline. */
    private static final class RejectedHollowRenderer extends XYLineAndShapeRenderer {

        private static final long serialVersionUID = 1L;

        private final transient List<NamedCurve> curves;

        RejectedHollowRenderer(List<NamedCurve> curves) {
            super(true, true);
            this.curves = List.copyOf(curves);
            setUseFillPaint(true);
            setDrawOutlines(true);
            setUseOutlinePaint(false);
        }

        @Override
        public Paint getItemFillPaint(int series, int item) {
            return curves.get(series).steps().get(item).rejected() ? Color.WHITE : super.getItemFillPaint(series, item);
        }
    }
}
