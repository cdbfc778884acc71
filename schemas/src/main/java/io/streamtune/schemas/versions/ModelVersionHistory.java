package io.streamtune.schemas.versions;

import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The state of every model version, built from the records of the compacted {@code model-versions} topic. The latest
 * record of a version is its state. The version in service is the PROMOTED one whose latest record is the newest (by
 * record timestamp, then offset): promoting an older version again rolls back, and a version whose latest record is
 * REJECTED (or CANDIDATE) is not in service. A classifier configured with a pinned version serves that one instead,
 * whatever the topic says. The classifier, the trainer, the command-line tool and the demo all decide with this
 * class. Not thread-safe.
 */
public final class ModelVersionHistory {

    private final Map<String, Map<Long, VersionState>> byModel = new HashMap<>();
    private long newestTimestamp = Long.MIN_VALUE;

    /** Takes in one record of the topic; tombstones ({@code null}) are ignored. */
    public void accept(ModelVersion record, long timestamp, long offset) {
        if (record == null) {
            return;
        }
        VersionState state = new VersionState(record, timestamp, offset);
        byModel.computeIfAbsent(record.getModelName(), name -> new TreeMap<>())
                .merge(record.getVersion(), state, (old, now) -> now.isNewerThan(old) ? now : old);
        newestTimestamp = Math.max(newestTimestamp, timestamp);
    }

    /** The model names seen, sorted. */
    public Set<String> modelNames() {
        return new TreeSet<>(byModel.keySet());
    }

    /** Every version of a model with its latest record, in ascending version order. */
    public List<VersionState> versions(String modelName) {
        return new ArrayList<>(byModel.getOrDefault(modelName, Map.of()).values());
    }

    /** One version's latest record, if the topic has it. */
    public Optional<VersionState> version(String modelName, long version) {
        return Optional.ofNullable(byModel.getOrDefault(modelName, Map.of()).get(version));
    }

    /** The version in service: the PROMOTED version whose latest record is the newest. */
    public Optional<VersionState> inService(String modelName) {
        return promotedNewestFirst(modelName).stream().findFirst();
    }

    /**
     * The version to serve: the pinned one when a version is pinned (listed on the topic or not), else the version in
     * service.
     */
    public Optional<ServedVersion> toServe(String modelName, OptionalLong pinned) {
        if (pinned.isPresent()) {
            long version = pinned.getAsLong();
            return Optional.of(new ServedVersion(modelName, version, version(modelName, version)));
        }
        return inService(modelName).map(state -> new ServedVersion(modelName, state.version(), Optional.of(state)));
    }

    /** The highest version number of a model on the topic, 0 when it has none. */
    public long highestVersion(String modelName) {
        List<VersionState> versions = versions(modelName);
        return versions.isEmpty() ? 0L : versions.get(versions.size() - 1).version();
    }

    /** Every version whose latest record is PROMOTED, the newest record first: the in-service one, then the ones before. */
    public List<VersionState> promotedNewestFirst(String modelName) {
        return versions(modelName).stream()
                .filter(state -> state.record().getStatus() == ModelStatus.PROMOTED)
                .sorted(Comparator.comparingLong(VersionState::timestamp)
                        .thenComparingLong(VersionState::offset)
                        .reversed())
                .toList();
    }

    /** The newest record timestamp seen on the topic, or {@link Long#MIN_VALUE} when empty. */
    public long newestTimestamp() {
        return newestTimestamp;
    }
}
