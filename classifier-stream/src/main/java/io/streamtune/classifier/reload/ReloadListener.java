package io.streamtune.classifier.reload;

/**
 * Told by the {@link ModelReloader} about each version it brings in, on the reloader's thread: what depends on the
 * served model (the correction memory's embeddings) gets ready for a version before it serves, and switches when it
 * does.
 */
public interface ReloadListener {

    /** Listens to nothing. */
    ReloadListener NONE = new ReloadListener() {
        @Override
        public void loaded(ModelTarget target, LoadedModel next) {}

        @Override
        public void swapped(ModelTarget target, LoadedModel next) {}
    };

    /**
     * A version was loaded and will be swapped in after this instance's turn; it is not served yet, and stays open at
     * least until {@link #swapped} (or until the next {@code loaded}, should the swap not happen).
     */
    void loaded(ModelTarget target, LoadedModel next);

    /** The version is served from now on. */
    void swapped(ModelTarget target, LoadedModel next);
}
