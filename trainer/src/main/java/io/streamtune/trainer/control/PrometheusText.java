package io.streamtune.trainer.control;

import java.util.Locale;

/**
 * Writes metrics in Prometheus' text exposition format (version 0.0.4): a {@code # HELP} and {@code # TYPE} line,
 * then {@code name value}, per metric. Names must already be valid ({@code [a-zA-Z_:][a-zA-Z0-9_:]*}).
 */
public final class PrometheusText {

    private final StringBuilder text = new StringBuilder();

    /** Adds a value that only goes up (a {@code _total} name by convention). */
    public PrometheusText counter(String name, String help, double value) {
        return metric(name, "counter", help, value);
    }

    /** Adds a value that may go up and down; NaN when unknown. */
    public PrometheusText gauge(String name, String help, double value) {
        return metric(name, "gauge", help, value);
    }

    private PrometheusText metric(String name, String type, String help, double value) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        text.append(name).append(' ').append(format(value)).append('\n');
        return this;
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%s", value);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
