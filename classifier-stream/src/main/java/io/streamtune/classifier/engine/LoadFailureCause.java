package io.streamtune.classifier.engine;

import com.fasterxml.jackson.core.JacksonException;
import io.streamtune.model.artifact.ArtifactVerificationException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Why loading a version from the model store failed, which decides whether trying the same version again can help.
 * The model module reports a version that does not match its manifest as {@link ArtifactVerificationException} and
 * an announced location outside the store (or a bad name or version) as {@link IllegalArgumentException}; those, a
 * file of the version that is not valid JSON ({@link JacksonException}, an {@code IOException} too) and anything
 * that is not an I/O failure (a model DJL cannot load) are the version's own fault. Any other {@link
 * IOException} ({@code StoreUnavailableException} for a store root that is gone or not mounted, {@code
 * NoSuchFileException} for a version folder not there yet,
 * {@code AccessDeniedException}, an I/O error) says the store could not be read, which may pass.
 */
enum LoadFailureCause {

    /** The store could not be read; the same version may load once it is back. */
    STORE_UNREACHABLE,

    /** The version itself is refused: it fails verification, lies outside the store or cannot be loaded. */
    VERSION_REFUSED;

    static LoadFailureCause of(Throwable failure) {
        if (failure instanceof ArtifactVerificationException
                || failure instanceof IllegalArgumentException
                || failure instanceof JacksonException) {
            return VERSION_REFUSED;
        }
        if (failure instanceof UncheckedIOException unchecked) {
            return of(unchecked.getCause());
        }
        return failure instanceof IOException ? STORE_UNREACHABLE : VERSION_REFUSED;
    }
}
