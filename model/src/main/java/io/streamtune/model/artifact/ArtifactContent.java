package io.streamtune.model.artifact;

import java.io.IOException;
import java.io.OutputStream;

/** Writes the bytes of one artifact file; the writer owns the stream, its flushing and syncing. */
@FunctionalInterface
public interface ArtifactContent {

    /**
     * Writes the content.
     *
     * @param out the stream of the file; do not close it
     * @throws IOException if writing fails
     */
    void writeTo(OutputStream out) throws IOException;

    /**
     * Content from bytes held in memory.
     *
     * @param bytes the bytes (not copied: do not change them)
     * @return the content
     */
    static ArtifactContent ofBytes(byte[] bytes) {
        return out -> out.write(bytes);
    }
}
