package io.streamtune.cli.models;

import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.versions.VersionState;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The versions of a model as a table, and one version in full. The table shows accuracy and macro-F1 on the
 * trainer's holdout (drawn from corrections, confirmations and seed examples) and, beside them, accuracy on the audit
 * holdout (labels of items drawn at random for review) with its size, as the trainer records them in the version's
 * metrics.
 */
final class VersionTable {

    /** The trainer's metric key of accuracy on the audit holdout. */
    static final String AUDITED_ACCURACY = "auditHoldout.accuracy";

    /** The trainer's metric key of the audit holdout's size. */
    static final String AUDITED_EXAMPLES = "auditHoldout.examples";

    private static final String COLUMNS = "%-8s %-10s %-11s %-17s %9s %11s %9s %15s  %s";
    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private VersionTable() {}

    /** One line per version, oldest first; the version in service is marked {@code *}. */
    static String list(String model, List<VersionState> versions, Optional<VersionState> inService) {
        StringBuilder out = new StringBuilder();
        out.append("model ")
                .append(model)
                .append(", in service: ")
                .append(inService.map(state -> "v" + state.version()).orElse("none"))
                .append(System.lineSeparator());
        out.append(String.format(
                        Locale.ROOT,
                        COLUMNS,
                        "VERSION",
                        "STATUS",
                        "IN SERVICE",
                        "CREATED (UTC)",
                        "EXAMPLES",
                        "HOLDOUT ACC",
                        "MACRO-F1",
                        "AUDITED ACC (N)",
                        "PARENT"))
                .append(System.lineSeparator());
        for (VersionState state : versions) {
            ModelVersion v = state.record();
            boolean serving = inService.isPresent() && inService.get().version() == state.version();
            out.append(String.format(
                            Locale.ROOT,
                            COLUMNS,
                            "v" + v.getVersion(),
                            v.getStatus(),
                            serving ? "*" : "",
                            MINUTES.format(v.getCreatedTime()),
                            v.getTrainingSetSize(),
                            metric(v, "accuracy"),
                            metric(v, "macroF1"),
                            audited(v),
                            v.getParentVersion() == null ? "-" : "v" + v.getParentVersion()))
                    .append(System.lineSeparator());
        }
        return out.toString();
    }

    /** Every field of one version, metrics sorted by name. */
    static String show(VersionState state, boolean serving) {
        ModelVersion v = state.record();
        StringBuilder out = new StringBuilder();
        line(out, "model", v.getModelName());
        line(out, "version", "v" + v.getVersion() + (serving ? " (in service)" : ""));
        line(out, "status", v.getStatus().toString());
        line(out, "parent", v.getParentVersion() == null ? "-" : "v" + v.getParentVersion());
        line(out, "created", v.getCreatedTime().toString());
        line(out, "status since", Instant.ofEpochMilli(state.timestamp()).toString());
        line(out, "labels", String.join(",", v.getLabels()));
        line(out, "examples", Long.toString(v.getTrainingSetSize()));
        line(out, "artifact", v.getArtifactUri());
        line(out, "sha256", v.getSha256());
        out.append("metrics").append(System.lineSeparator());
        new TreeMap<>(v.getMetrics())
                .forEach((name, value) -> out.append(String.format(Locale.ROOT, "  %-22s %.4f%n", name, value)));
        return out.toString();
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(String.format(Locale.ROOT, "%-14s %s%n", name, value));
    }

    /** Accuracy on the audit holdout and its size, e.g. {@code 0.8125 (48)}; {@code -} without audits. */
    private static String audited(ModelVersion v) {
        Double examples = v.getMetrics().get(AUDITED_EXAMPLES);
        if (examples == null || examples < 1 || !v.getMetrics().containsKey(AUDITED_ACCURACY)) {
            return "-";
        }
        return metric(v, AUDITED_ACCURACY) + " (" + Math.round(examples) + ")";
    }

    private static String metric(ModelVersion v, String name) {
        Map<String, Double> metrics = v.getMetrics();
        Double value = metrics.get(name);
        return value == null ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }
}
