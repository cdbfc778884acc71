package io.streamtune.classifier.http;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes metrics in the Prometheus text exposition format (version 0.0.4): one {@code # TYPE} line per metric name,
 * then its samples. Names and label names are sanitised to {@code [a-zA-Z0-9_]}; label values escaped.
 */
final class PrometheusText {

    private final StringBuilder out = new StringBuilder(16_384);

    void type(String name, String type, String help) {
        out.append("# HELP ")
                .append(name)
                .append(' ')
                .append(help.replace('\n', ' '))
                .append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    void sample(String name, Map<String, String> labels, double value) {
        out.append(name);
        if (!labels.isEmpty()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(sanitise(label.getKey()))
                        .append("=\"")
                        .append(escape(label.getValue()))
                        .append('"');
            }
            out.append('}');
        }
        out.append(' ').append(format(value)).append('\n');
    }

    static String sanitise(String name) {
        String clean = name.replaceAll("[^a-zA-Z0-9_]", "_");
        return Character.isDigit(clean.charAt(0)) ? "_" + clean : clean;
    }

    static String format(double value) {
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

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
