package io.streamtune.demo.report;

import io.streamtune.schemas.ModelVersion;
import java.util.Map;

/**
 * A published version and its gate outcome, as the trainer announced it on {@code model-versions}.
 *
 * @param version the version number
 * @param status {@code PROMOTED} or {@code REJECTED}
 * @param accuracy its holdout accuracy
 * @param macroF1 its holdout macro-F1
 * @param inServiceAccuracy the accuracy of the version it was compared with on the same holdout (NaN for the first)
 * @param inServiceMacroF1 that version's macro-F1 on the same holdout (NaN for the first)
 * @param trainingSetSize the examples it was trained on
 */
public record VersionDecision(
        long version,
        String status,
        double accuracy,
        double macroF1,
        double inServiceAccuracy,
        double inServiceMacroF1,
        long trainingSetSize) {

    /** The decision a final (not CANDIDATE) version record carries. */
    public static VersionDecision of(ModelVersion record) {
        Map<String, Double> metrics = record.getMetrics();
        return new VersionDecision(
                record.getVersion(),
                record.getStatus().name(),
                metrics.getOrDefault("accuracy", Double.NaN),
                metrics.getOrDefault("macroF1", Double.NaN),
                metrics.getOrDefault("inService.accuracy", Double.NaN),
                metrics.getOrDefault("inService.macroF1", Double.NaN),
                record.getTrainingSetSize());
    }

    public boolean promoted() {
        return status.equals("PROMOTED");
    }
}
