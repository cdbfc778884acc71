package io.streamtune.cli.tail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamtune.cli.console.Texts;
import io.streamtune.schemas.Classification;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One classification as a readable line (with a header line) or as one JSON object. */
final class ClassificationFormat {

    static final int TEXT_WIDTH = 60;
    private static final String COLUMNS = "%-36s %-12s %6s %-8s %9s  %s";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClassificationFormat() {}

    static String header() {
        return String.format(Locale.ROOT, COLUMNS, "EVENT ID", "LABEL", "CONF", "VERSION", "LATENCY", "TEXT");
    }

    /** Event id, label, confidence, model version, latency (classified time less event time), shortened text. */
    static String line(Classification c) {
        return String.format(
                Locale.ROOT,
                COLUMNS,
                c.getEventId(),
                c.getLabel(),
                String.format(Locale.ROOT, "%.3f", c.getConfidence()),
                "v" + c.getModelVersion(),
                latencyMillis(c) + " ms",
                Texts.shorten(c.getText(), TEXT_WIDTH) + (c.getTruncated() ? " [truncated]" : ""));
    }

    static String json(Classification c) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("eventId", c.getEventId());
        fields.put("label", c.getLabel());
        fields.put("confidence", c.getConfidence());
        fields.put("scores", new TreeMap<>(c.getScores()));
        fields.put("modelName", c.getModelName());
        fields.put("modelVersion", c.getModelVersion());
        fields.put("latencyMillis", latencyMillis(c));
        fields.put("eventTime", c.getEventTime().toString());
        fields.put("classifiedTime", c.getClassifiedTime().toString());
        fields.put("truncated", c.getTruncated());
        fields.put("text", c.getText());
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long latencyMillis(Classification c) {
        return c.getClassifiedTime().toEpochMilli() - c.getEventTime().toEpochMilli();
    }
}
