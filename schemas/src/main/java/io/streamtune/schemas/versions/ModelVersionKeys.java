package io.streamtune.schemas.versions;

/** Keys of the compacted {@code model-versions} topic: {@code <model name>:<version>}, one key per version. */
public final class ModelVersionKeys {

    private ModelVersionKeys() {}

    public static String key(String modelName, long version) {
        return modelName + ":" + version;
    }
}
