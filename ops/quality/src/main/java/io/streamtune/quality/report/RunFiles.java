package io.streamtune.quality.report;

import io.streamtune.quality.loop.CurvePoint;
import io.streamtune.quality.loop.Outcome;
import io.streamtune.quality.loop.RunResult;
import io.streamtune.quality.loop.StreamWindow;
import io.streamtune.review.accuracy.VersionAccuracy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two CSV files of one run, {@code <proxy>-seed<n>-curve.csv} (bootstrap and every round) and {@code
 * <proxy>-seed<n>-windows.csv} (the stream in windows).
 */
public final class RunFiles {

    static final List<String> CURVE_COLUMNS = curveColumns(List.of(
            "step",
            "streamed",
            "labels_used",
            "outcome",
            "promoted",
            "candidate_version",
            "version_in_service",
            "trained_on",
            "gate_candidate",
            "gate_in_service",
            "seconds",
            "test_acc",
            "test_f1",
            "candidate_test_acc",
            "candidate_test_f1",
            "bow_same_labels_acc",
            "bow_same_labels_f1",
            "bootstrap_holdout_acc",
            "bootstrap_holdout_f1",
            "audit_n",
            "audit_acc",
            "audit_low",
            "audit_high"));

    static final List<String> WINDOW_COLUMNS =
            List.of("window", "first_event", "events", "accuracy", "correct", "corrections", "version_at_end");

    private RunFiles() {}

    /** The fixed columns followed by accuracy and macro-F1 under each fusion key (fusion_w=0_acc, ...). */
    private static List<String> curveColumns(List<String> fixed) {
        List<String> columns = new ArrayList<>(fixed);
        CurvePoint.FUSION_KEYS.forEach(key -> {
            columns.add("fusion_" + key + "_acc");
            columns.add("fusion_" + key + "_f1");
        });
        return List.copyOf(columns);
    }

    /** Writes both files into the folder (created if missing), replacing earlier ones of the same run. */
    public static void write(Path folder, RunResult result) throws IOException {
        Files.createDirectories(folder);
        String stem = result.proxy() + "-seed" + result.seed();
        StringBuilder curve = new StringBuilder(Csv.row(CURVE_COLUMNS));
        result.curve().forEach(point -> curve.append(Csv.row(curveRow(point, result.audit(point.versionInService())))));
        Files.writeString(folder.resolve(stem + "-curve.csv"), curve, StandardCharsets.UTF_8);
        StringBuilder windows = new StringBuilder(Csv.row(WINDOW_COLUMNS));
        result.windows().forEach(window -> windows.append(Csv.row(windowRow(window))));
        Files.writeString(folder.resolve(stem + "-windows.csv"), windows, StandardCharsets.UTF_8);
    }

    /** The audit columns: the audit's estimate of the version in service at that step, blank without audits. */
    private static List<String> curveRow(CurvePoint point, Optional<VersionAccuracy> audit) {
        List<String> row = new ArrayList<>(fixedCurveRow(point));
        row.add(audit.map(a -> Long.toString(a.audited())).orElse("0"));
        row.add(Csv.number(audit.map(VersionAccuracy::accuracy).orElse(Double.NaN)));
        row.add(Csv.number(audit.map(a -> a.interval().low()).orElse(Double.NaN)));
        row.add(Csv.number(audit.map(a -> a.interval().high()).orElse(Double.NaN)));
        CurvePoint.FUSION_KEYS.forEach(key -> {
            row.add(Csv.number(point.fusion(key).accuracy()));
            row.add(Csv.number(point.fusion(key).macroF1()));
        });
        return row;
    }

    private static List<String> fixedCurveRow(CurvePoint point) {
        boolean promoted = point.outcome() == Outcome.BOOTSTRAP || point.outcome() == Outcome.PROMOTED;
        return List.of(
                Integer.toString(point.step()),
                Integer.toString(point.streamed()),
                Integer.toString(point.labelsUsed()),
                point.outcome().name(),
                Boolean.toString(promoted),
                Long.toString(point.candidateVersion()),
                Long.toString(point.versionInService()),
                Integer.toString(point.trainedOn()),
                Csv.number(point.gateCandidate()),
                Csv.number(point.gateInService()),
                Csv.number(point.seconds()),
                Csv.number(point.test().accuracy()),
                Csv.number(point.test().macroF1()),
                Csv.number(point.candidateTest().accuracy()),
                Csv.number(point.candidateTest().macroF1()),
                Csv.number(point.bagOfWords().accuracy()),
                Csv.number(point.bagOfWords().macroF1()),
                Csv.number(point.bootstrapHoldout().accuracy()),
                Csv.number(point.bootstrapHoldout().macroF1()));
    }

    private static List<String> windowRow(StreamWindow window) {
        return List.of(
                Integer.toString(window.index()),
                Integer.toString(window.firstEvent()),
                Integer.toString(window.events()),
                Csv.number(window.accuracy()),
                Integer.toString(window.correct()),
                Integer.toString(window.corrections()),
                Long.toString(window.versionAtEnd()));
    }
}
