package io.streamtune.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The fault suite's table: each fault test prints its row and appends it to the file named by the system property
 * {@value #FILE_PROPERTY} ({@code ops/bin/fault-suite} sets it and prints the table at the end), or else to {@value
 * #DEFAULT_FILE} of the module under test ({@code .ci/run} prints those after the build). {@link #scale()} tells a
 * test how hard to push: {@link Scale#SHORT} (the default, what {@code ./mvnw verify} and CI run) or {@link
 * Scale#FULL} ({@code -Dfaults.scale=full}).
 */
public final class FaultReport {

    /** System property naming the file the rows are appended to. */
    public static final String FILE_PROPERTY = "streamtune.fault.report";

    /** Where rows go without {@value #FILE_PROPERTY}, relative to the module under test. */
    public static final String DEFAULT_FILE = "target/fault-report.rows";

    /** System property choosing the scale: {@code short} or {@code full}. */
    public static final String SCALE_PROPERTY = "faults.scale";

    public static final String HEADER =
            "| scenario | events | faults injected | lost | duplicated | dead-lettered | notes |\n"
                    + "|---|---:|---|---:|---:|---:|---|";

    private FaultReport() {}

    /** How many events and faults a test uses. */
    public enum Scale {
        SHORT,
        FULL;

        /** {@code shortValue} at {@link #SHORT}, {@code fullValue} at {@link #FULL}. */
        public int pick(int shortValue, int fullValue) {
            return this == FULL ? fullValue : shortValue;
        }
    }

    /** The scale chosen with {@value #SCALE_PROPERTY}; SHORT unless it says {@code full}. */
    public static Scale scale() {
        String value = System.getProperty(SCALE_PROPERTY, "short").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "full" -> Scale.FULL;
            case "short", "" -> Scale.SHORT;
            default ->
                throw new IllegalArgumentException(SCALE_PROPERTY + " must be short or full, not '" + value + "'");
        };
    }

    /** One row of the table. */
    public record Row(
            String scenario, long events, String faults, long lost, long duplicated, long deadLettered, String notes) {

        @Override
        public String toString() {
            return "| " + cell(scenario) + " | " + events + " | " + cell(faults) + " | " + lost + " | " + duplicated
                    + " | " + deadLettered + " | " + cell(notes) + " |";
        }

        private static String cell(String text) {
            return text.replace("|", "\\|").replace('\n', ' ');
        }
    }

    /** Prints the row under the header and appends it to the report file. */
    public static void record(Row row) {
        System.out.println("\n" + HEADER + "\n" + row + "\n");
        String configured = System.getProperty(FILE_PROPERTY, "").trim();
        String file = configured.isEmpty() ? DEFAULT_FILE : configured;
        try {
            Path parent = Path.of(file).toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(
                    Path.of(file),
                    row + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the fault report " + file, e);
        }
    }
}
