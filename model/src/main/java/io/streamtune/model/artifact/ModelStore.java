package io.streamtune.model.artifact;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where model versions live: one immutable, verified folder per (model name, version).
 *
 * <p>Implementations write atomically: a version is either absent or complete. Versions are never
 * overwritten.
 */
public interface ModelStore {

    /**
     * Writes a new version.
     *
     * @param artifact the version to write; its name and version choose the folder
     * @return the stored version
     * @throws java.nio.file.FileAlreadyExistsException if the version exists
     * @throws IOException if writing fails; nothing is stored then
     */
    StoredVersion put(ModelArtifact artifact) throws IOException;

    /**
     * Stores a copy of a version folder written elsewhere; its manifest names the model and version.
     *
     * @param folder a folder that passes verification
     * @return the stored version
     * @throws ArtifactVerificationException if the folder does not match its manifest
     * @throws IOException if copying fails or the version exists
     */
    StoredVersion put(Path folder) throws IOException;

    /**
     * A version as a local folder, after verifying every file.
     *
     * @param modelName the model family
     * @param version the version
     * @return the verified version
     * @throws java.nio.file.NoSuchFileException if there is no such version
     * @throws ArtifactVerificationException if a file is changed, missing or unexpected
     * @throws IOException if reading fails
     */
    StoredVersion resolve(String modelName, long version) throws IOException;

    /**
     * A version that a record announced with a location, after checking the location is this version's folder in
     * this store (no other scheme, no path leaving the store root, no symbolic link out of it) and verifying every
     * file. The location never chooses what is read: it is only compared with the store's own folder.
     *
     * @param modelName the model family
     * @param version the version
     * @param location the announced location, an absolute {@code file:} URI or a path relative to the store root
     * @return the verified version
     * @throws IllegalArgumentException if the location, name or version is refused, naming it and why
     * @throws java.nio.file.NoSuchFileException if there is no such version
     * @throws ArtifactVerificationException if a file is changed, missing or unexpected
     * @throws IOException if reading fails
     */
    StoredVersion resolveAnnounced(String modelName, long version, String location) throws IOException;

    /**
     * The versions of a model, oldest first.
     *
     * @param modelName the model family
     * @return the version numbers in ascending order, empty if none
     * @throws IOException if listing fails
     */
    List<Long> versions(String modelName) throws IOException;

    /**
     * The highest version of a model.
     *
     * @param modelName the model family
     * @return the version number, empty if none
     * @throws IOException if listing fails
     */
    default Optional<Long> latest(String modelName) throws IOException {
        List<Long> versions = versions(modelName);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }
}
