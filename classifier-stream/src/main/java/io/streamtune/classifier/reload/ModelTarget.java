package io.streamtune.classifier.reload;

import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.versions.ServedVersion;
import io.streamtune.schemas.versions.VersionState;
import java.util.Objects;

/**
 * The version an instance should serve, as the model-versions topic or the pinned configuration says.
 *
 * @param modelName the model family
 * @param version the version
 * @param artifactUri where the artifact is, or null to find it in the model store by name and version
 * @param manifestSha256 the expected SHA-256 of the artifact's manifest, or null when unknown (a pinned version
 *     that the topic does not list)
 * @param announcedAt the timestamp of the record that made it the target (0 when pinned): a version refused once is
 *     tried again only when it is announced again (unless the store was unreachable: that is retried by itself)
 * @param promoted whether the version's latest record says PROMOTED (a pinned version may be a candidate, or not on
 *     the topic at all): only a promoted version retires correction-memory entries it has learned
 */
public record ModelTarget(
        String modelName, long version, String artifactUri, String manifestSha256, long announcedAt, boolean promoted) {

    public ModelTarget {
        Objects.requireNonNull(modelName, "modelName");
    }

    /** The target for the version to serve; a pinned version the topic does not list has no URI, checksum or time. */
    public static ModelTarget of(ServedVersion served) {
        if (served.latest().isEmpty()) {
            return new ModelTarget(served.modelName(), served.version(), null, null, 0, false);
        }
        VersionState state = served.latest().get();
        ModelVersion record = state.record();
        return new ModelTarget(
                record.getModelName(),
                record.getVersion(),
                record.getArtifactUri(),
                record.getSha256(),
                state.timestamp(),
                served.promoted());
    }

    @Override
    public String toString() {
        return modelName + " v" + version;
    }
}
