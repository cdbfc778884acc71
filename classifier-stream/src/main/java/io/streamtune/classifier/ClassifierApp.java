package io.streamtune.classifier;

import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.classifier.config.ConfigLoader;
import io.streamtune.classifier.engine.EngineModelLoader;
import io.streamtune.classifier.reload.ModelLoader;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.common.config.ConfigException;

/**
 * The entry point: {@code java io.streamtune.classifier.ClassifierApp [classifier.properties]}. Loads the
 * configuration (file, then {@code STREAMTUNE_*} environment), starts the runtime and installs the shutdown hook. A
 * fatal condition (invalid configuration, no model to serve) exits non-zero with one line on standard error.
 */
public final class ClassifierApp {

    private static final Duration FIRST_MODEL_TIMEOUT = Duration.ofMinutes(5);

    private ClassifierApp() {}

    public static void main(String[] args) {
        ClassifierConfig config = loadOrExit(args);
        run(config, EngineModelLoader.fromConfig(config));
    }

    /** Starts an instance with this loader and stops it on JVM shutdown; exits 1 if it cannot start. */
    public static ClassifierRuntime run(ClassifierConfig config, ModelLoader loader) {
        try {
            ClassifierRuntime runtime = ClassifierRuntime.start(config, loader, FIRST_MODEL_TIMEOUT);
            Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "classifier-shutdown"));
            return runtime;
        } catch (Exception e) {
            System.err.println("classifier-stream: cannot start: " + e.getMessage());
            System.exit(1);
            throw new IllegalStateException(e);
        }
    }

    /** The configuration from the file named by the first argument, if any, and the environment; exits 2 if bad. */
    public static ClassifierConfig loadOrExit(String[] args) {
        try {
            return ConfigLoader.load(args.length > 0 ? Path.of(args[0]) : null, System.getenv());
        } catch (ConfigException e) {
            System.err.println("classifier-stream: invalid configuration: " + e.getMessage());
            System.exit(2);
            throw e;
        }
    }
}
