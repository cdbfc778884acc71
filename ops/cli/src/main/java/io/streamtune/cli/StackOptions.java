package io.streamtune.cli;

import io.streamtune.stack.StackConfig;
import io.streamtune.stack.StackStateFile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the stack lives; every value defaults to its system property or environment variable (see
 * {@link StackConfig}) and then to the built-in default.
 */
final class StackOptions {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Data, logs and pid files (default: <repo>/.streamtune, or STREAMTUNE_STACK_DIR).")
    Path dataDir;

    /** The configuration from the environment with the data folder applied. */
    StackConfig config() {
        StackConfig config = StackConfig.fromEnvironment();
        return dataDir == null ? config : config.withDataDir(dataDir);
    }

    /** As {@link #config()}, with the ports recorded by the {@code up} that started this data folder. */
    StackConfig recordedConfig() {
        return StackStateFile.restore(config());
    }
}
