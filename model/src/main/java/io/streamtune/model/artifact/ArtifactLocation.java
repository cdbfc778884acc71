package io.streamtune.model.artifact;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks an artifact location announced by a record (a ModelVersion's {@code artifactUri}) against the folder the
 * configured store holds for that version. The location is untrusted: it is accepted only when it names exactly
 * that folder, as an absolute {@code file:} URI or a path relative to the store root, after normalising {@code ..}
 * and following symbolic links. Anything else (another scheme, a host, a query, a path leaving the root, a link out
 * of it) is refused, so a record can never make the store read a folder it does not own.
 */
final class ArtifactLocation {

    private ArtifactLocation() {}

    /**
     * Checks a location.
     *
     * @param root the store root, a real path
     * @param expected the version's folder under the root
     * @param location the announced location
     * @throws IllegalArgumentException naming the location and why it is refused
     * @throws IOException if the real path of an existing location cannot be read
     */
    static void check(Path root, Path expected, String location) throws IOException {
        Path path = toPath(root, location).normalize();
        if (!path.startsWith(root)) {
            throw refused(location, "it leaves the store root " + root);
        }
        if (!path.equals(expected)) {
            throw refused(location, "it is not this version's folder " + expected);
        }
        if (Files.exists(path)) {
            Path real = path.toRealPath();
            if (!real.equals(expected)) {
                throw refused(location, "a symbolic link takes it to " + real);
            }
        }
    }

    private static Path toPath(Path root, String location) {
        if (location == null || location.isBlank()) {
            throw refused(location, "it is empty");
        }
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            throw refused(location, "it is not a valid URI (" + e.getMessage() + ")");
        }
        if (uri.isOpaque()
                || uri.getRawAuthority() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw refused(location, "only a file: URI or a path, without host, query or fragment, is accepted");
        }
        try {
            if (uri.getScheme() == null) {
                return root.resolve(uri.getPath());
            }
            if (uri.getScheme().equalsIgnoreCase("file")) {
                return Path.of(uri);
            }
        } catch (IllegalArgumentException e) { // also InvalidPathException
            throw refused(location, "it is not a usable path (" + e.getMessage() + ")");
        }
        throw refused(location, "scheme " + uri.getScheme() + " is not supported, only file:");
    }

    private static IllegalArgumentException refused(String location, String reason) {
        return new IllegalArgumentException("refusing artifact location '" + location + "': " + reason);
    }
}
