package io.streamtune.model.artifact;

import java.net.URI;
import java.nio.file.Path;

/**
 * A model version in a {@link ModelStore}, verified against its manifest.
 *
 * @param folder the local folder holding the files
 * @param manifest its manifest
 * @param manifestSha256 the SHA-256 of {@code manifest.json}, for the ModelVersion record
 */
public record StoredVersion(Path folder, Manifest manifest, String manifestSha256) {

    /** @return the model family */
    public String modelName() {
        return manifest.modelName();
    }

    /** @return the version */
    public long version() {
        return manifest.version();
    }

    /** @return the folder as a URI, for the ModelVersion record's artifactUri */
    public URI uri() {
        return folder.toUri();
    }
}
