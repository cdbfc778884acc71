package io.streamtune.cli.console;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar redrawn in place ({@code \r}) on stderr, at most every 200 ms: done of total, percent,
 * rate. {@link #finish()} draws the final state and ends the line.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final LongSupplier clock;
    private final long started;
    private long done;
    private String detail = "";
    private long lastDrawn = Long.MIN_VALUE;
    private int widest;

    public ProgressBar(PrintWriter err, String label, long total) {
        this(err, label, total, System::nanoTime);
    }

    /** A bar for work that began {@code elapsed} ago (the rate counts from then). */
    public ProgressBar(PrintWriter err, String label, long total, Duration elapsed) {
        this(err, label, total, System::nanoTime, elapsed.toNanos());
    }

    ProgressBar(PrintWriter err, String label, long total, LongSupplier clock) {
        this(err, label, total, clock, 0);
    }

    ProgressBar(PrintWriter err, String label, long total, LongSupplier clock, long elapsedNanos) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.clock = clock;
        this.started = clock.getAsLong() - elapsedNanos;
    }

    /** Counts one more done. */
    public void step() {
        done++;
        redraw();
    }

    /**
     * Sets how many are done, for work that reports where it stands rather than each step.
     *
     * @param detail shown after the rate (e.g. the loss and the time left); empty for none
     */
    public void advanceTo(long value, String detail) {
        done = Math.max(done, value);
        this.detail = detail;
        redraw();
    }

    public long total() {
        return total;
    }

    private void redraw() {
        long now = clock.getAsLong();
        if (lastDrawn == Long.MIN_VALUE || now - lastDrawn >= REDRAW_NANOS) {
            lastDrawn = now;
            draw();
        }
    }

    /** Draws the final state and ends the line. */
    public void finish() {
        draw();
        err.println();
        err.flush();
    }

    private void draw() {
        String line = line();
        widest = Math.max(widest, line.length());
        err.print('\r');
        err.print(line);
        err.print(" ".repeat(widest - line.length())); // over what a longer line before left
        err.flush();
    }

    /** The bar as text, e.g. {@code produce [###############...............]  50%  500/1000  250/s}. */
    String line() {
        double fraction = total <= 0 ? 1.0 : Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = (clock.getAsLong() - started) / 1e9;
        long rate = seconds <= 0 ? 0 : Math.round(done / seconds);
        return String.format(
                        Locale.ROOT,
                        "%s [%s%s] %3d%%  %d/%d  %d/s",
                        label,
                        "#".repeat(filled),
                        ".".repeat(WIDTH - filled),
                        Math.round(fraction * 100),
                        done,
                        total,
                        rate)
                + (detail.isEmpty() ? "" : "  " + detail);
    }
}
