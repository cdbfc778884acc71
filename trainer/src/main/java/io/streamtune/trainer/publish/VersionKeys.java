package io.streamtune.trainer.publish;

/** Keys of the compacted {@code model-versions} topic: {@code <model name>:<version>}, one per version. */
public final class VersionKeys {

    private VersionKeys() {}

    public static String key(String modelName, long version) {
        return modelName + ":" + version;
    }
}
