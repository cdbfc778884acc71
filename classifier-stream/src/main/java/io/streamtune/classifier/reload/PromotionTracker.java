package io.streamtune.classifier.reload;

import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decides from the model-versions records which version to serve. The topic is compacted and keyed by name and
 * version, so the latest record of each version is its state. The target is the pinned version when one is
 * configured, else the PROMOTED version whose latest record is the newest (by record timestamp, then offset): a
 * rollback promotes an older version again, and its new record makes it the newest. Not thread-safe.
 */
public final class PromotionTracker {

    private final String modelName;
    private final OptionalLong pinned;
    private final Map<Long, Seen> latestByVersion = new HashMap<>();

    public PromotionTracker(String modelName, OptionalLong pinned) {
        this.modelName = modelName;
        this.pinned = pinned;
    }

    /** Takes in one record of the topic; records of other models are ignored. */
    public void accept(ModelVersion record, long timestamp, long offset) {
        if (record == null || !modelName.equals(record.getModelName())) {
            return;
        }
        Seen seen = new Seen(record, timestamp, offset);
        latestByVersion.merge(record.getVersion(), seen, (old, now) -> now.isNewerThan(old) ? now : old);
    }

    /** The version to serve now, if any. */
    public Optional<ModelTarget> target() {
        if (pinned.isPresent()) {
            long version = pinned.getAsLong();
            Seen seen = latestByVersion.get(version);
            return Optional.of(
                    seen == null ? new ModelTarget(modelName, version, null, null, 0, false) : seen.target());
        }
        return latestByVersion.values().stream()
                .filter(seen -> seen.record().getStatus() == ModelStatus.PROMOTED)
                .max(Comparator.comparingLong(Seen::timestamp).thenComparingLong(Seen::offset))
                .map(Seen::target);
    }

    private record Seen(ModelVersion record, long timestamp, long offset) {

        boolean isNewerThan(Seen other) {
            return timestamp > other.timestamp || timestamp == other.timestamp && offset >= other.offset;
        }

        ModelTarget target() {
            return new ModelTarget(
                    record.getModelName(),
                    record.getVersion(),
                    record.getArtifactUri(),
                    record.getSha256(),
                    timestamp,
                    record.getStatus() == ModelStatus.PROMOTED);
        }
    }
}
