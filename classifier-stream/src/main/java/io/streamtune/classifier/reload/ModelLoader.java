package io.streamtune.classifier.reload;

/** Fetches a version from the model store, verifies every checksum, loads it on the device and warms it up. */
@FunctionalInterface
public interface ModelLoader {

    /**
     * Loads a version.
     *
     * @throws StoreUnreachableException if the model store could not be read; the version is refused for now, the
     *     served one stays, and the version is tried again after a backoff
     * @throws Exception if any other step fails (verification above all); the version is then refused for good and
     *     the served one stays
     */
    LoadedModel load(ModelTarget target) throws Exception;

    /** The device versions are loaded on, {@code cpu} or {@code gpu:N}, for the metrics; {@code cpu} unless said. */
    default String device() {
        return "cpu";
    }
}
