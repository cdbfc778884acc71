package io.streamtune.classifier;

import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.classifier.config.ConfigLoader;
import io.streamtune.classifier.engine.EngineModelLoader;
import io.streamtune.classifier.reload.ModelLoader;
import io.streamtune.runtime.app.AppLifecycle;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The entry point: {@code java io.streamtune.classifier.ClassifierApp [classifier.properties]}. Loads the
 * configuration (file, then {@code STREAMTUNE_*} environment), starts the runtime and installs the shutdown hook. A
 * fatal condition (invalid configuration, a required GPU that is missing included; no model to serve) exits non-zero
 * with one line on standard error.
 */
public final class ClassifierApp {

    private static final Duration FIRST_MODEL_TIMEOUT = Duration.ofMinutes(5);

    private static final AppLifecycle LIFECYCLE = AppLifecycle.of("classifier-stream");

    private ClassifierApp() {}

    public static void main(String[] args) {
        ClassifierConfig config = loadOrExit(args);
        run(config, LIFECYCLE.configuration(() -> EngineModelLoader.fromConfig(config)));
    }

    /** Starts an instance with this loader and stops it on JVM shutdown; exits 1 if it cannot start. */
    public static ClassifierRuntime run(ClassifierConfig config, ModelLoader loader) {
        return LIFECYCLE.start(onFatal -> ClassifierRuntime.start(config, loader, FIRST_MODEL_TIMEOUT));
    }

    /** The configuration from the file named by the first argument, if any, and the environment; exits 2 if bad. */
    public static ClassifierConfig loadOrExit(String[] args) {
        return LIFECYCLE.configuration(
                () -> ConfigLoader.load(args.length > 0 ? Path.of(args[0]) : null, System.getenv()));
    }
}
