package io.streamtune.schemas.versions;

import io.streamtune.schemas.ModelStatus;
import java.util.Optional;

/**
 * The version a classifier should serve: the pinned one, or else the one in service.
 *
 * @param modelName the model family
 * @param version the version number
 * @param latest the version's latest record on the topic; empty for a pinned version the topic does not list
 */
public record ServedVersion(String modelName, long version, Optional<VersionState> latest) {

    /** Whether the version's latest record says PROMOTED (a pinned version may be a candidate, or not listed). */
    public boolean promoted() {
        return latest.isPresent() && latest.get().record().getStatus() == ModelStatus.PROMOTED;
    }
}
