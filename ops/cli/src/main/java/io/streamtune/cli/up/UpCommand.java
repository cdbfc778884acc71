package io.streamtune.cli.up;

import io.streamtune.classifier.ClassifierRuntime;
import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.classifier.engine.EngineModelLoader;
import io.streamtune.cli.client.CommandException;
import io.streamtune.demo.DemoLogging;
import io.streamtune.demo.loop.VersionWatcher;
import io.streamtune.demo.report.VersionDecision;
import io.streamtune.runtime.app.AppLifecycle;
import io.streamtune.runtime.config.SharedKeys;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.trainer.ServedTrainer;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.tuning.DjlModelTuner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code streamtune up --config FILE}: the classifier and the trainer of the file's model in this process, each
 * configured from the one file as it would be on its own, until Ctrl-C (or SIGTERM) stops both cleanly.
 */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = {
            "Run the classifier and the trainer of your model (the file's model.name) in one process until Ctrl-C:"
                    + " text-events are classified to classifications, corrections on label-corrections train new"
                    + " versions, and each promoted version is served as soon as it is published.",
            "Both read the one --config file (streamtune init writes one) and STREAMTUNE_* environment variables."
                    + " A file that names no kafka.bootstrap.servers, or the local stack's address, runs on the local"
                    + " stack: it is reused when running, else started, and stopped at the end unless --keep-stack.",
            "The model needs a version in service first (streamtune bootstrap). model.labels may be left out: the"
                    + " labels of the version in service are used. Schemas are registered as records are written unless"
                    + " the file sets registry.auto.register.schemas=false. The review app joins once it exists."
        })
public final class UpCommand implements Callable<Integer> {

    private static final Duration FIRST_MODEL_TIMEOUT = Duration.ofMinutes(2);
    private static final String AUTO_REGISTER_SCHEMAS = SharedKeys.REGISTRY_PREFIX + "auto.register.schemas";

    @Option(
            names = "--config",
            required = true,
            paramLabel = "FILE",
            description = "The apps' configuration file (streamtune init writes a starter).")
    Path config;

    @Option(names = "--keep-stack", description = "Leave a local stack started here running after Ctrl-C.")
    boolean keepStack;

    @Option(
            names = "--log",
            paramLabel = "FILE",
            description = "Where the apps' log lines go (default: .streamtune/logs/up-<model>.log); warnings and"
                    + " errors reach the console too.")
    Path log;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        UpSettings settings = UpSettings.read(config, System.getenv());
        PrintWriter out = spec.commandLine().getOut();
        Path logFile = logTo(settings.modelName());
        UpCluster cluster = UpCluster.choose(settings, keepStack);
        if (settings.given(AUTO_REGISTER_SCHEMAS).isEmpty()) {
            // the apps' default (false) suits a registry whose schemas a deployment registers; up is run by hand
            settings.decide(AUTO_REGISTER_SCHEMAS, "true");
        }
        try {
            ClassifierConfig classifierConfig = settings.classifier();
            ServedModel served = ServedModel.settle(
                    settings, classifierConfig.modelVersionsTopic(), classifierConfig.pinnedVersion());
            TrainerConfig trainerConfig = settings.trainer();
            return AppLifecycle.of("streamtune up").runUntilStopped(onFatal -> {
                RunningLoop loop = start(settings, cluster, classifierConfig, trainerConfig, onFatal, out);
                UpSummary.print(out, settings, cluster, served, loop, classifierConfig, trainerConfig, logFile);
                return loop;
            });
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private static RunningLoop start(
            UpSettings settings,
            UpCluster cluster,
            ClassifierConfig classifierConfig,
            TrainerConfig trainerConfig,
            Runnable onFatal,
            PrintWriter out)
            throws Exception {
        ServedTrainer trainer = ServedTrainer.start(trainerConfig, DjlModelTuner.of(trainerConfig), fatal -> {
            out.println("trainer stopped on a fatal error: " + fatal.getMessage());
            out.flush();
            onFatal.run();
        });
        ClassifierRuntime classifier;
        try {
            classifier = ClassifierRuntime.start(
                    classifierConfig, EngineModelLoader.fromConfig(classifierConfig), FIRST_MODEL_TIMEOUT);
        } catch (Exception e) {
            trainer.close();
            throw e;
        }
        KafkaConsumer<String, ModelVersion> consumer = settings.clients().consumer(ModelVersion.class);
        VersionWatcher watcher =
                new VersionWatcher(consumer, classifierConfig.modelVersionsTopic(), settings.modelName(), decision -> {
                    out.println(describe(decision));
                    out.flush();
                });
        return new RunningLoop(cluster, trainer, classifier, consumer, watcher, out);
    }

    /** One line per decision on model-versions, as it arrives (the existing ones first). */
    static String describe(VersionDecision decision) {
        String scores = String.format(
                Locale.ROOT, "holdout accuracy %.3f, macro-F1 %.3f", decision.accuracy(), decision.macroF1());
        String against = Double.isNaN(decision.inServiceMacroF1())
                ? ""
                : String.format(
                        Locale.ROOT,
                        " (the version it was gated against: %.3f, %.3f)",
                        decision.inServiceAccuracy(),
                        decision.inServiceMacroF1());
        return "model-versions: version " + decision.version() + " " + decision.status() + ", " + scores + against
                + ", trained on " + decision.trainingSetSize() + " examples";
    }

    private Path logTo(String model) {
        Path file = log != null ? log : Path.of(".streamtune", "logs", "up-" + model + ".log");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new CommandException("cannot create the folder of the log file " + file + ": " + e.getMessage(), e);
        }
        DemoLogging.toFile(file);
        return file;
    }
}
