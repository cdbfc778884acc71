package io.streamtune.model.artifact;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The model store's root folder is not there any more, or is an empty folder other than the one the store opened:
 * its volume was unmounted, or the folder moved. The store then neither reads nor writes, rather than list nothing
 * or fill a fresh, empty store in its place; it works again once the folder (or a volume with content) is back.
 */
public final class StoreUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param root the store's root folder
     * @param what what is wrong with it
     */
    public StoreUnavailableException(Path root, String what) {
        super("model store root " + root + " " + what + ": refusing to read or write model versions");
    }
}
