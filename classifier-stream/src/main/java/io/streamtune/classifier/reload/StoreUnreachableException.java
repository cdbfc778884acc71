package io.streamtune.classifier.reload;

import java.io.IOException;

/**
 * A {@link ModelLoader} could not read the model store (a volume not mounted, a file server down, an I/O error), so
 * it could not tell whether the version is good. Unlike any other load failure this one is not final: the version is
 * refused for now and tried again after a backoff, so it is served once the store is back.
 */
public final class StoreUnreachableException extends IOException {

    private static final long serialVersionUID = 1L;

    public StoreUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
