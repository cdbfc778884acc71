package io.streamtune.trainer;

import io.streamtune.model.classify.OfflineEngine;
import io.streamtune.runtime.app.AppLifecycle;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.config.TrainerConfigLoader;
import io.streamtune.trainer.round.ExampleFile;
import io.streamtune.trainer.round.RoundOutcome;
import io.streamtune.trainer.tuning.DjlModelTuner;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trainer's command line:
 *
 * <pre>
 * trainer run [--config FILE]          (ingestion, rounds, and the control server on http.host:http.port)
 * trainer bootstrap --data FILE [--split stream] [--config FILE]
 * </pre>
 *
 * Settings come from the file, then {@code STREAMTUNE_*} environment variables. Invalid configuration or
 * a fatal error exits non-zero with one line naming the cause.
 */
public final class TrainerApp {

    private static final Logger LOG = LoggerFactory.getLogger(TrainerApp.class);

    private TrainerApp() {}

    public static void main(String[] args) {
        OfflineEngine.enforce();
        try {
            System.exit(run(args));
        } catch (ConfigException | IllegalArgumentException | IllegalStateException e) {
            System.err.println("trainer: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            LOG.error("Trainer failed", e);
            System.err.println("trainer: " + e);
            System.exit(1);
        }
    }

    private static int run(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException(
                    "usage: trainer run|bootstrap [--config FILE] [--data FILE] [--split S]");
        }
        Map<String, String> options = options(args);
        String file = options.get("--config");
        TrainerConfig config = TrainerConfigLoader.load(file == null ? null : Path.of(file), System.getenv());
        return switch (args[0]) {
            case "run" -> runTrainer(config);
            case "bootstrap" -> bootstrap(config, options);
            default -> throw new IllegalArgumentException("unknown command " + args[0] + ": use run or bootstrap");
        };
    }

    private static int runTrainer(TrainerConfig config) throws Exception {
        return AppLifecycle.of("trainer")
                .runUntilStopped(
                        onFatal -> ServedTrainer.start(config, DjlModelTuner.of(config), fatal -> onFatal.run()));
    }

    private static int bootstrap(TrainerConfig config, Map<String, String> options) throws Exception {
        String data = options.get("--data");
        if (data == null) {
            throw new IllegalArgumentException("bootstrap needs --data FILE");
        }
        String split = options.getOrDefault("--split", "stream");
        RoundOutcome outcome =
                Trainer.bootstrap(config, DjlModelTuner.of(config), ExampleFile.read(Path.of(data), split));
        LOG.info(
                "Bootstrapped {} version {}: {}",
                config.modelName(),
                outcome.version(),
                outcome.decision().reason());
        return 0;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option VALUE at " + args[i]);
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }
}
