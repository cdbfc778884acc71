package io.streamtune.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The way from the last correction to the first classification by the new version, as points in time in order,
 * each phase being the time since the point before. Points come from the services' log lines ({@link LogMarks})
 * and from what a client reads on the topics ({@link DeployObserver}); two points seen in different ways may be
 * a poll interval (about 50 ms) out of order.
 */
final class PhaseTable {

    static final String ROUND_STARTED = "round-started";
    static final String TRAINING_STARTED = "training-started";
    static final String FINE_TUNING_STARTED = "fine-tuning-started";
    static final String TRAINED = "trained";
    static final String TUNED = "tuned";
    static final String STORED = "stored";
    static final String GATED = "gated";
    static final String LOADED = "loaded";
    static final String SWAPPED = "swapped";

    private static final Pattern LOAD_MILLIS = Pattern.compile(" in (\\d+) ms");

    private record Point(String phase, long epochMillis) {}

    private final long start;
    private final List<Point> points = new ArrayList<>();

    private PhaseTable(long start) {
        this.start = start;
    }

    static PhaseTable of(long lastCorrectionSent, DeployObserver observer, LogMarks marks) {
        PhaseTable table = new PhaseTable(lastCorrectionSent);
        table.add("ingestion: every correction in the training set", observer.correctionsInTrainingSet());
        table.add("wait for the trigger: round started", marks.time(ROUND_STARTED));
        table.add("round plan, parent version resolved and verified", marks.time(TRAINING_STARTED));
        table.add("parent loaded into the engine, examples tokenised", marks.time(FINE_TUNING_STARTED));
        table.add("training steps (with early-stopping evaluations)", marks.time(TRAINED));
        table.add("last early-stopping evaluation, restore, evaluation on the gate holdout", marks.time(TUNED));
        table.add("candidate written to the store and re-verified", marks.time(STORED));
        table.add("gate: candidate and version in service evaluated", marks.time(GATED));
        table.add("publish: PROMOTED visible to read_committed clients", observer.decisionVisible());
        long loaded = marks.time(LOADED);
        table.add("classifier saw the record, started loading", loaded - loadMillis(marks));
        table.add("classifier fetch + verify + load + warm-up", loaded);
        table.add("swap: served version changed", marks.time(SWAPPED));
        table.add("first classification by the new version (classifiedTime)", observer.firstClassified());
        table.add("that classification read by a consumer", observer.firstClassificationRead());
        return table;
    }

    private static long loadMillis(LogMarks marks) {
        Matcher matcher = LOAD_MILLIS.matcher(marks.mark(LOADED).orElseThrow().message());
        if (!matcher.find()) {
            throw new IllegalStateException("no load time in " + marks.mark(LOADED));
        }
        return Long.parseLong(matcher.group(1));
    }

    private void add(String phase, long epochMillis) {
        points.add(new Point(phase, epochMillis));
    }

    /** From the last correction's send time to the first classification by the new version. */
    long totalMillis() {
        return points.stream()
                        .filter(point -> point.phase().startsWith("first classification"))
                        .findFirst()
                        .orElseThrow()
                        .epochMillis()
                - start;
    }

    String markdown() {
        StringBuilder table = new StringBuilder("| phase | seconds | since the last correction, s |\n|---|---|---|\n");
        long previous = start;
        for (Point point : points) {
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %.2f | %.2f |%n",
                    point.phase(),
                    (point.epochMillis() - previous) / 1000.0,
                    (point.epochMillis() - start) / 1000.0));
            previous = point.epochMillis();
        }
        table.append(String.format(
                Locale.ROOT,
                "| **last correction sent to first classification by the new version** | **%.2f** | |%n",
                totalMillis() / 1000.0));
        return table.toString();
    }

    String json() {
        StringBuilder json =
                new StringBuilder("{\"totalMillis\":").append(totalMillis()).append(",\"phases\":[");
        long previous = start;
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            json.append(i == 0 ? "" : ",")
                    .append(String.format(
                            Locale.ROOT,
                            "{\"phase\":\"%s\",\"millis\":%d,\"sinceLastCorrection\":%d}",
                            point.phase(),
                            point.epochMillis() - previous,
                            point.epochMillis() - start));
            previous = point.epochMillis();
        }
        return json.append("]}\n").toString();
    }
}
