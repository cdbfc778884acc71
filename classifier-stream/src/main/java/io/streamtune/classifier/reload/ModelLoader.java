package io.streamtune.classifier.reload;

/** Fetches a version from the model store, verifies every checksum, loads it on the device and warms it up. */
@FunctionalInterface
public interface ModelLoader {

    /**
     * Loads a version.
     *
     * @throws Exception if any step fails; the version is then refused and the served one stays
     */
    LoadedModel load(ModelTarget target) throws Exception;
}
