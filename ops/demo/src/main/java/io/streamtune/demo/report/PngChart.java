package io.streamtune.demo.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/** The accuracy chart as a PNG, drawn with Java2D off screen (no display needed), the same picture as the SVG. */
public final class PngChart {

    private static final Color LINE = new Color(0x2c6fbb);
    private static final Color MARK = new Color(0xc0392b);

    private PngChart() {}

    /** Writes the image. */
    public static void write(ChartData data, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        ChartGeometry geometry = new ChartGeometry(data);
        BufferedImage image = new BufferedImage(ChartGeometry.WIDTH, ChartGeometry.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, ChartGeometry.WIDTH, ChartGeometry.HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            axes(g, geometry, data);
            marks(g, geometry, data);
            line(g, geometry, data);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available for " + file);
        }
    }

    private static void axes(Graphics2D g, ChartGeometry geometry, ChartData data) {
        for (double tick : geometry.yTicks()) {
            float y = (float) geometry.y(tick);
            g.setColor(new Color(0xdddddd));
            g.draw(new Line2D.Double(geometry.plotLeft(), y, geometry.plotRight(), y));
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.1f", tick), (float) geometry.plotLeft() - 28, y + 4);
        }
        for (int tick : geometry.xTicks()) {
            String label = Integer.toString(tick);
            float x = (float) geometry.x(tick) - g.getFontMetrics().stringWidth(label) / 2f;
            g.drawString(label, x, (float) geometry.plotBottom() + 18);
        }
        g.setColor(new Color(0x333333));
        g.draw(new java.awt.geom.Rectangle2D.Double(
                geometry.plotLeft(),
                geometry.plotTop(),
                geometry.plotRight() - geometry.plotLeft(),
                geometry.plotBottom() - geometry.plotTop()));
        g.drawString("events streamed", (float) (geometry.plotLeft() + geometry.plotRight()) / 2 - 45, 410);
        g.setFont(g.getFont().deriveFont(Font.BOLD, 14f));
        g.drawString(data.title(), (float) geometry.plotLeft(), 20);
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));
    }

    private static void marks(Graphics2D g, ChartGeometry geometry, ChartData data) {
        g.setColor(MARK);
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        for (WindowAccuracy.Takeover takeover : data.takeovers()) {
            double x = geometry.x(takeover.seq());
            g.draw(new Line2D.Double(x, geometry.plotTop(), x, geometry.plotBottom()));
            g.drawString("v" + takeover.version(), (float) x + 3, (float) geometry.plotTop() - 6 + 20);
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static void line(Graphics2D g, ChartGeometry geometry, ChartData data) {
        g.setColor(LINE);
        g.setStroke(new BasicStroke(2f));
        Path2D.Double path = new Path2D.Double();
        boolean first = true;
        for (WindowAccuracy window : data.windows()) {
            double x = geometry.x(window);
            double y = geometry.y(window.accuracy());
            if (first) {
                path.moveTo(x, y);
                first = false;
            } else {
                path.lineTo(x, y);
            }
            g.fill(new Ellipse2D.Double(x - 3.5, y - 3.5, 7, 7));
        }
        g.draw(path);
    }
}
