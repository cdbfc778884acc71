package io.streamtune.trainer.publish;

import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds the {@link ModelVersion} records of a stored, verified version. */
public final class VersionRecords {

    private VersionRecords() {}

    /**
     * The record of a stored version in a status.
     *
     * @param metrics the holdout metrics (for audit, also the in-service version's when compared)
     * @param trainingSetSize examples the version was trained on
     */
    public static ModelVersion of(
            StoredVersion stored,
            ModelStatus status,
            List<String> labels,
            Map<String, Double> metrics,
            long trainingSetSize,
            Instant created) {
        return ModelVersion.newBuilder()
                .setModelName(stored.modelName())
                .setVersion(stored.version())
                .setParentVersion(stored.manifest().parentVersion())
                .setStatus(status)
                .setArtifactUri(stored.uri().toString())
                .setSha256(stored.manifestSha256())
                .setLabels(List.copyOf(labels))
                .setMetrics(Map.copyOf(metrics))
                .setTrainingSetSize(trainingSetSize)
                .setCreatedTime(created)
                .build();
    }
}
