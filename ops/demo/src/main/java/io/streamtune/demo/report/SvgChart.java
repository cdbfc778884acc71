package io.streamtune.demo.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The accuracy chart as an HTML page with inline SVG and nothing external: one point per window joined by a line,
 * and a dashed vertical line ({@code class="version-mark"}, {@code data-version}) where each version took over.
 */
public final class SvgChart {

    private SvgChart() {}

    /** Writes the page. */
    public static void writeHtml(ChartData data, Path file) throws IOException {
        String page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + escape(data.title()) + "</title>\n</head>\n<body style=\"font-family: sans-serif\">\n<h1>"
                + escape(data.title()) + "</h1>\n" + svg(data) + "</body>\n</html>\n";
        Files.writeString(file, page, StandardCharsets.UTF_8);
    }

    /** The {@code <svg>} element. */
    public static String svg(ChartData data) {
        ChartGeometry geometry = new ChartGeometry(data);
        StringBuilder svg = new StringBuilder();
        svg.append(format(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">\n",
                ChartGeometry.WIDTH, ChartGeometry.HEIGHT, ChartGeometry.WIDTH, ChartGeometry.HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        axes(svg, geometry);
        marks(svg, data, geometry);
        line(svg, data, geometry);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void axes(StringBuilder svg, ChartGeometry geometry) {
        for (double tick : geometry.yTicks()) {
            double y = geometry.y(tick);
            svg.append(format(
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
                    geometry.plotLeft(), y, geometry.plotRight(), y));
            svg.append(format(
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\">%.1f</text>\n",
                    geometry.plotLeft() - 6, y + 4, tick));
        }
        for (int tick : geometry.xTicks()) {
            svg.append(format(
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\">%d</text>\n",
                    geometry.x(tick), geometry.plotBottom() + 18, tick));
        }
        svg.append(format(
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#333\"/>\n",
                geometry.plotLeft(),
                geometry.plotTop(),
                geometry.plotRight() - geometry.plotLeft(),
                geometry.plotBottom() - geometry.plotTop()));
        svg.append(format(
                "<text x=\"%.1f\" y=\"%d\" font-size=\"13\" text-anchor=\"middle\">events streamed</text>\n",
                (geometry.plotLeft() + geometry.plotRight()) / 2, ChartGeometry.HEIGHT - 10));
        svg.append(format(
                "<text x=\"14\" y=\"%.1f\" font-size=\"13\" transform=\"rotate(-90 14 %.1f)\""
                        + " text-anchor=\"middle\">accuracy per window</text>\n",
                (geometry.plotTop() + geometry.plotBottom()) / 2, (geometry.plotTop() + geometry.plotBottom()) / 2));
    }

    private static void marks(StringBuilder svg, ChartData data, ChartGeometry geometry) {
        for (WindowAccuracy.Takeover takeover : data.takeovers()) {
            double x = geometry.x(takeover.seq());
            svg.append(format(
                    "<line class=\"version-mark\" data-version=\"%d\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
                            + " stroke=\"#c0392b\" stroke-dasharray=\"5,4\"/>\n",
                    takeover.version(), x, geometry.plotTop(), x, geometry.plotBottom()));
            svg.append(format(
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#c0392b\">v%d</text>\n",
                    x + 3, geometry.plotTop() - 6, takeover.version()));
        }
    }

    private static void line(StringBuilder svg, ChartData data, ChartGeometry geometry) {
        StringBuilder points = new StringBuilder();
        for (WindowAccuracy window : data.windows()) {
            points.append(format("%.1f,%.1f ", geometry.x(window), geometry.y(window.accuracy())));
        }
        svg.append("<polyline class=\"accuracy\" fill=\"none\" stroke=\"#2c6fbb\" stroke-width=\"2\" points=\"")
                .append(points.toString().trim())
                .append("\"/>\n");
        for (WindowAccuracy window : data.windows()) {
            svg.append(format(
                    "<circle class=\"window\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#2c6fbb\"><title>events %d-%d:"
                            + " %.3f (%d/%d), versions %s</title></circle>\n",
                    geometry.x(window),
                    geometry.y(window.accuracy()),
                    window.from(),
                    window.to() - 1,
                    window.accuracy(),
                    window.correct(),
                    window.total(),
                    window.versions()));
        }
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
