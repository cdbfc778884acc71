package io.streamtune.cli.demo;

import io.streamtune.cli.client.CommandException;
import io.streamtune.demo.Demo;
import io.streamtune.demo.DemoLogging;
import io.streamtune.demo.DemoResult;
import io.streamtune.demo.DemoSettings;
import io.streamtune.stack.RepositoryRoot;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code streamtune demo}: the whole loop on this machine in one command (see {@link Demo}). Each option only sets
 * its value in a {@link DemoSettings.Builder}, which owns the defaults (the full demo) and checks the values. Ctrl-C
 * stops the demo and everything it started. A bad option or data line is one line on stderr.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Start a local stack, bootstrap model v1 from part of the sentiment data, run the classifier and the"
                    + " trainer, stream the rest while a simulated person corrects wrong predictions, and end with"
                    + " a summary and an accuracy chart (HTML and PNG).",
            "Defaults take about 5-8 minutes on a 2-core CPU."
        })
public final class DemoCommand implements Callable<Integer> {

    static final int CANCELLED = 130;

    private final DemoSettings.Builder settings = DemoSettings.builder();

    @Option(
            names = "--events",
            paramLabel = "N",
            description = "Events to stream (default 1800; the stream split has 2400 minus the bootstrap examples).")
    void events(int value) {
        settings.optEvents(value);
    }

    @Option(names = "--rate", paramLabel = "PER_SECOND", description = "Events per second (default 8).")
    void rate(double value) {
        settings.optRate(value);
    }

    @Option(names = "--bootstrap-size", paramLabel = "N", description = "Examples v1 is trained on (default 150).")
    void bootstrapSize(int value) {
        settings.optBootstrapSize(value);
    }

    @Option(
            names = "--bootstrap-domain",
            paramLabel = "DOMAIN",
            description = "Domain of the v1 examples: yelp, imdb, amazon or all (default yelp).")
    void bootstrapDomain(String value) {
        settings.optBootstrapDomain(value);
    }

    @Option(
            names = "--correct-share",
            paramLabel = "SHARE",
            description = "Share of wrong predictions the simulated person corrects, 0-1 (default 0.8).")
    void correctShare(double value) {
        settings.optCorrectShare(value);
    }

    @Option(names = "--round-trigger", paramLabel = "N", description = "Corrections that start a round (default 50).")
    void roundTrigger(int value) {
        settings.optRoundTrigger(value);
    }

    @Option(names = "--window", paramLabel = "N", description = "Events per accuracy window (default 200).")
    void window(int value) {
        settings.optWindow(value);
    }

    @Option(
            names = "--test-size",
            paramLabel = "N",
            description = "Test sentences scored before and after, 0 to skip (default 600).")
    void testSize(int value) {
        settings.optTestSize(value);
    }

    @Option(
            names = "--epochs",
            paramLabel = "N",
            description = "Fine-tuning epochs per round (default: the trainer's training.epochs).")
    void epochs(int value) {
        settings.optEpochs(value);
    }

    @Option(
            names = "--learning-rate",
            paramLabel = "RATE",
            description = "Peak fine-tuning learning rate (default: the trainer's training.learning.rate).")
    void learningRate(double value) {
        settings.optLearningRate(value);
    }

    @Option(
            names = "--replay-ratio",
            paramLabel = "RATIO",
            description =
                    "Earlier examples replayed per new correction in a round (default: the trainer's round.replay.ratio).")
    void replayRatio(double value) {
        settings.optReplayRatio(value);
    }

    @Option(
            names = "--gate-metric",
            paramLabel = "METRIC",
            description = "What the gate compares on the holdout: macroF1 or accuracy (default macroF1).")
    void gateMetric(String value) {
        settings.optGateMetric(value);
    }

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Stack, model store and reports (default <repo>/.streamtune/demo).")
    void dataDir(Path value) {
        settings.optDataDir(value);
    }

    @Option(
            names = "--data-file",
            paramLabel = "FILE",
            description = "Labelled data (default <repo>/data/uci_sentiment.jsonl).")
    void dataFile(Path value) {
        settings.optDataFile(value);
    }

    @Option(names = "--kafka-port", paramLabel = "PORT", description = "Broker port (default 9092).")
    void kafkaPort(int value) {
        settings.optKafkaPort(value);
    }

    @Option(names = "--controller-port", paramLabel = "PORT", description = "KRaft controller port (default 9093).")
    void controllerPort(int value) {
        settings.optControllerPort(value);
    }

    @Option(names = "--registry-port", paramLabel = "PORT", description = "Schema registry port (default 8081).")
    void registryPort(int value) {
        settings.optRegistryPort(value);
    }

    @Option(names = "--keep-stack", description = "Leave the stack running at the end.")
    void keepStack(boolean value) {
        settings.optKeepStack(value);
    }

    @Override
    public Integer call() throws Exception {
        try {
            return run(settings(RepositoryRoot.locate()));
        } catch (IllegalArgumentException | ConfigException e) {
            throw new CommandException("demo: " + e.getMessage(), e);
        }
    }

    private static int run(DemoSettings settings) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Demo demo = new Demo(settings, out);
        Path log = Files.createDirectories(demo.folder()).resolve("demo.log");
        if (DemoLogging.toFile(log)) {
            out.println("Service logs (fine-tuning steps, reloads, stack): " + log);
        }
        Thread hook = new Thread(() -> stop(demo, out), "streamtune-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        DemoResult result = demo.run();
        return result.cancelled() ? CANCELLED : 0;
    }

    private static void stop(Demo demo, PrintStream out) {
        demo.cancel();
        try {
            if (!demo.awaitStopped(Duration.ofMillis(1))) {
                out.println("Stopping the demo: producer, classifier, trainer, then the stack ...");
                demo.awaitStopped(Duration.ofMinutes(3));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The settings the options gave, the rest at the full demo's defaults in the checkout at {@code repositoryRoot}. */
    DemoSettings settings(Path repositoryRoot) {
        return settings.setRepositoryRoot(repositoryRoot).build();
    }
}
