package io.streamtune.cli.models;

import io.streamtune.cli.client.CommandException;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.versions.ModelVersionHistory;
import io.streamtune.schemas.versions.VersionState;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The records that promote a version or roll back, checked against the topic's history. Their timestamps come
 * after every record on the topic, so under the in-service rule (newest PROMOTED record) they take effect even when
 * this machine's clock is behind the trainer's.
 */
final class Promotions {

    /** A record to write with its timestamp. */
    record Timed(ModelVersion record, long timestamp) {}

    private final ModelVersionHistory history;
    private final String model;
    private final String topic;
    private final boolean checkArtifact;

    Promotions(ModelVersionHistory history, String model, String topic, boolean checkArtifact) {
        this.history = history;
        this.model = model;
        this.topic = topic;
        this.checkArtifact = checkArtifact;
    }

    /**
     * A PROMOTED record for an existing version (its latest record with the status changed).
     *
     * @throws CommandException when the version is unknown, or its artifact is a local folder that is missing
     */
    Timed promote(long version, long now) {
        VersionState state = history.version(model, version)
                .orElseThrow(() -> new CommandException("model '" + model + "' has no version " + version + " on "
                        + topic + " (versions: " + versionList() + ")"));
        ModelVersion record = state.record();
        if (checkArtifact && artifactMissing(record.getArtifactUri())) {
            throw new CommandException("cannot promote " + model + " v" + version + " (" + record.getStatus()
                    + "): its artifact " + record.getArtifactUri()
                    + " is missing, so no classifier could load it (--no-artifact-check skips this check)");
        }
        return new Timed(withStatus(record, ModelStatus.PROMOTED), after(now));
    }

    /**
     * Rolling back: REJECTED for the version in service, then PROMOTED for the version promoted before it (the
     * PROMOTED version with the next newest record), so a second rollback goes one further back.
     *
     * @throws CommandException when no version is in service or none was promoted before it
     */
    List<Timed> rollback(long now) {
        List<VersionState> promoted = history.promotedNewestFirst(model);
        if (promoted.isEmpty()) {
            throw new CommandException("model '" + model + "' has no PROMOTED version on " + topic + " to roll back");
        }
        if (promoted.size() < 2) {
            throw new CommandException("cannot roll back " + model + " v"
                    + promoted.get(0).version() + ": no version was promoted before it");
        }
        VersionState current = promoted.get(0);
        Timed previous = promote(promoted.get(1).version(), now);
        long at = after(now);
        return List.of(
                new Timed(withStatus(current.record(), ModelStatus.REJECTED), at),
                new Timed(previous.record(), at + 1));
    }

    private long after(long now) {
        return Math.max(now, history.newestTimestamp() + 1);
    }

    private String versionList() {
        List<VersionState> versions = history.versions(model);
        return versions.isEmpty()
                ? "none"
                : versions.stream().map(state -> "v" + state.version()).collect(Collectors.joining(", "));
    }

    /** True for a {@code file:} artifact whose folder does not exist here; other schemes cannot be checked. */
    static boolean artifactMissing(String artifactUri) {
        try {
            URI uri = URI.create(artifactUri);
            return "file".equals(uri.getScheme()) && !Files.isDirectory(Path.of(uri));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return false;
        }
    }

    private static ModelVersion withStatus(ModelVersion record, ModelStatus status) {
        return ModelVersion.newBuilder(record).setStatus(status).build();
    }
}
