package io.streamtune.demo.report;

/**
 * Where things go on the chart, shared by the SVG and the PNG so both draw the same picture: x is the stream
 * position, y the accuracy from {@link #yMin()} (a tenth at or below the lowest window, at most 0.5) up to 1.
 */
final class ChartGeometry {

    static final int WIDTH = 900;
    static final int HEIGHT = 420;
    static final int LEFT = 60;
    static final int RIGHT = 30;
    static final int TOP = 40;
    static final int BOTTOM = 50;

    private final int events;
    private final double yMin;

    ChartGeometry(ChartData data) {
        this.events = Math.max(1, data.events());
        this.yMin = Math.min(0.5, Math.floor(data.lowestAccuracy() * 10) / 10.0);
    }

    double yMin() {
        return yMin;
    }

    double x(double seq) {
        return LEFT + (WIDTH - LEFT - RIGHT) * seq / events;
    }

    double y(double accuracy) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - accuracy) / (1.0 - yMin);
    }

    double plotTop() {
        return TOP;
    }

    double plotBottom() {
        return HEIGHT - BOTTOM;
    }

    double plotLeft() {
        return LEFT;
    }

    double plotRight() {
        return WIDTH - RIGHT;
    }

    /** The x of a window's point: its middle. */
    double x(WindowAccuracy window) {
        return x((window.from() + window.to()) / 2.0);
    }

    /** The accuracy levels that get a grid line and a label. */
    double[] yTicks() {
        int steps = (int) Math.round((1.0 - yMin) * 10);
        double[] ticks = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            ticks[i] = yMin + i / 10.0;
        }
        return ticks;
    }

    /** About five round stream positions for the x axis. */
    int[] xTicks() {
        int step = niceStep(events / 5.0);
        int[] ticks = new int[events / step + 1];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = i * step;
        }
        return ticks;
    }

    private static int niceStep(double raw) {
        int step = 1;
        while (step * 10 <= raw) {
            step *= 10;
        }
        if (step * 5 <= raw) {
            return step * 5;
        }
        return step * 2 <= raw ? step * 2 : step;
    }
}
