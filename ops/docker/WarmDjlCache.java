/**
 * Run at image build time with the application's classpath: loads the PyTorch engine and the HuggingFace tokenizer
 * library once, so DJL unpacks their native libraries from the classpath jars into {@code DJL_CACHE_DIR}. The image
 * then starts without network and without unpacking anything.
 */
public final class WarmDjlCache {

    private WarmDjlCache() {}

    public static void main(String[] args) {
        ai.djl.engine.Engine engine = ai.djl.engine.Engine.getEngine("PyTorch");
        ai.djl.huggingface.tokenizers.jni.LibUtils.checkStatus();
        System.out.println("DJL cache ready: " + engine.getEngineName() + " " + engine.getVersion()
                + " in " + ai.djl.util.Utils.getEngineCacheDir());
    }
}
