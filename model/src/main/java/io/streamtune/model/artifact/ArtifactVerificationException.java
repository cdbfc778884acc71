package io.streamtune.model.artifact;

import java.io.IOException;
import java.nio.file.Path;

/** A model version folder does not match its manifest: a file is changed, missing or unexpected. */
public final class ArtifactVerificationException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the file. */
    public enum Problem {
        /** The file's SHA-256 differs from the manifest's. */
        CHECKSUM_MISMATCH,
        /** The manifest lists the file but the folder lacks it. */
        MISSING,
        /** The folder holds a file the manifest does not list. */
        UNEXPECTED,
        /** The manifest itself is missing, unreadable or malformed. */
        BAD_MANIFEST,
        /** A folder of the version's path in the store is a symbolic link, which the store does not follow. */
        SYMBOLIC_LINK
    }

    private final transient Path folder;
    private final String file;
    private final Problem problem;

    /**
     * Creates the exception.
     *
     * @param folder the version folder
     * @param file the name of the offending file within it
     * @param problem what is wrong
     * @param detail more words on it
     */
    public ArtifactVerificationException(Path folder, String file, Problem problem, String detail) {
        super(problem + " " + file + " in " + folder + ": " + detail);
        this.folder = folder;
        this.file = file;
        this.problem = problem;
    }

    /**
     * The version folder.
     *
     * @return its path
     */
    public Path folder() {
        return folder;
    }

    /**
     * The offending file.
     *
     * @return its name within the folder
     */
    public String file() {
        return file;
    }

    /**
     * What is wrong.
     *
     * @return the problem
     */
    public Problem problem() {
        return problem;
    }
}
