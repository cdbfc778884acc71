package io.streamtune.model.artifact;

import io.streamtune.model.artifact.ArtifactVerificationException.Problem;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Checks a model version folder against its manifest: every required file present, every listed
 * file's SHA-256 equal to the manifest's, and no other file.
 */
public final class ArtifactVerifier {

    private ArtifactVerifier() {}

    /**
     * Verifies a version folder.
     *
     * @param folder the folder
     * @return its manifest
     * @throws ArtifactVerificationException naming the first file that is changed, missing or
     *     unexpected, or the manifest if it is unusable
     * @throws IOException if the folder cannot be read
     */
    public static Manifest verify(Path folder) throws IOException {
        Manifest manifest = readManifest(folder);
        for (String required : ArtifactFiles.CONTENT) {
            if (!manifest.files().containsKey(required)) {
                throw new ArtifactVerificationException(folder, required, Problem.MISSING, "not in the manifest");
            }
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.equals(ArtifactFiles.MANIFEST) && !manifest.files().containsKey(name)) {
                    throw new ArtifactVerificationException(folder, name, Problem.UNEXPECTED, "not in the manifest");
                }
            }
        }
        for (var entry : manifest.files().entrySet()) {
            Path file = folder.resolve(entry.getKey());
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new ArtifactVerificationException(
                        folder, entry.getKey(), Problem.MISSING, "no such regular file");
            }
            String actual = Checksums.sha256(file);
            if (!actual.equals(entry.getValue())) {
                throw new ArtifactVerificationException(
                        folder,
                        entry.getKey(),
                        Problem.CHECKSUM_MISMATCH,
                        "SHA-256 " + actual + ", manifest says " + entry.getValue());
            }
        }
        return manifest;
    }

    static Manifest readManifest(Path folder) throws IOException {
        Path file = folder.resolve(ArtifactFiles.MANIFEST);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ArtifactVerificationException(folder, ArtifactFiles.MANIFEST, Problem.BAD_MANIFEST, "missing");
        }
        try {
            return Manifest.parse(Files.readAllBytes(file));
        } catch (IOException | IllegalArgumentException e) {
            throw new ArtifactVerificationException(
                    folder, ArtifactFiles.MANIFEST, Problem.BAD_MANIFEST, String.valueOf(e.getMessage()));
        }
    }
}
