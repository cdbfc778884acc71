package io.streamtune.model.artifact;

import java.util.regex.Pattern;

/**
 * Validation of model names, versions and file names: each becomes one path segment, so none may
 * hold a separator, start with a dot, or be {@code ..}.
 */
final class ArtifactNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    private ArtifactNames() {}

    static String checkModelName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid model name '" + name
                    + "': use 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }

    static long checkVersion(long version) {
        if (version < 1) {
            throw new IllegalArgumentException("invalid version " + version + ": versions start at 1");
        }
        return version;
    }

    static String checkFileName(String file) {
        if (file == null || !NAME.matcher(file).matches()) {
            throw new IllegalArgumentException("invalid artifact file name '" + file + "'");
        }
        return file;
    }

    static String checkSha256(String file, String hex) {
        if (hex == null || !SHA_256.matcher(hex).matches()) {
            throw new IllegalArgumentException("invalid SHA-256 for " + file + ": '" + hex + "'");
        }
        return hex;
    }
}
