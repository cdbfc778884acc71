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
 * {@code streamtune demo}: the whole loop on this machine in one command (see {@link Demo}). Every option defaults
 * to the full demo; Ctrl-C stops it and everything it started. A bad option or data line is one line on stderr.
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

    @Option(
            names = "--events",
            paramLabel = "N",
            description = "Events to stream (default 1800; the stream split has 2400 minus the bootstrap examples).")
    Integer events;

    @Option(names = "--rate", paramLabel = "PER_SECOND", description = "Events per second (default 8).")
    Double rate;

    @Option(names = "--bootstrap-size", paramLabel = "N", description = "Examples v1 is trained on (default 150).")
    Integer bootstrapSize;

    @Option(
            names = "--bootstrap-domain",
            paramLabel = "DOMAIN",
            description = "Domain of the v1 examples: yelp, imdb, amazon or all (default yelp).")
    String bootstrapDomain;

    @Option(
            names = "--correct-share",
            paramLabel = "SHARE",
            description = "Share of wrong predictions the simulated person corrects, 0-1 (default 0.8).")
    Double correctShare;

    @Option(names = "--round-trigger", paramLabel = "N", description = "Corrections that start a round (default 50).")
    Integer roundTrigger;

    @Option(names = "--window", paramLabel = "N", description = "Events per accuracy window (default 200).")
    Integer window;

    @Option(
            names = "--test-size",
            paramLabel = "N",
            description = "Test sentences scored before and after, 0 to skip (default 600).")
    Integer testSize;

    @Option(
            names = "--epochs",
            paramLabel = "N",
            description = "Fine-tuning epochs per round (default: the trainer's training.epochs).")
    Integer epochs;

    @Option(
            names = "--learning-rate",
            paramLabel = "RATE",
            description = "Peak fine-tuning learning rate (default: the trainer's training.learning.rate).")
    Double learningRate;

    @Option(
            names = "--replay-ratio",
            paramLabel = "RATIO",
            description =
                    "Earlier examples replayed per new correction in a round (default: the trainer's round.replay.ratio).")
    Double replayRatio;

    @Option(
            names = "--gate-metric",
            paramLabel = "METRIC",
            description = "What the gate compares on the holdout: macroF1 or accuracy (default macroF1).")
    String gateMetric;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Stack, model store and reports (default <repo>/.streamtune/demo).")
    Path dataDir;

    @Option(
            names = "--data-file",
            paramLabel = "FILE",
            description = "Labelled data (default <repo>/data/uci_sentiment.jsonl).")
    Path dataFile;

    @Option(names = "--kafka-port", paramLabel = "PORT", description = "Broker port (default 9092).")
    Integer kafkaPort;

    @Option(names = "--controller-port", paramLabel = "PORT", description = "KRaft controller port (default 9093).")
    Integer controllerPort;

    @Option(names = "--registry-port", paramLabel = "PORT", description = "Schema registry port (default 8081).")
    Integer registryPort;

    @Option(names = "--keep-stack", description = "Leave the stack running at the end.")
    boolean keepStack;

    @Override
    public Integer call() throws Exception {
        try {
            return run(settings(DemoSettings.defaults(RepositoryRoot.locate())));
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

    DemoSettings settings(DemoSettings defaults) {
        DemoSettings.Training training = defaults.training();
        DemoSettings.Ports ports = defaults.ports();
        return defaults.toBuilder()
                .withStream(or(events, defaults.events()), or(rate, defaults.rate()), or(window, defaults.window()))
                .withBootstrap(
                        or(bootstrapSize, defaults.bootstrapSize()), or(bootstrapDomain, defaults.bootstrapDomain()))
                .withFeedback(or(correctShare, defaults.correctShare()), or(roundTrigger, defaults.roundTrigger()))
                .withFolders(or(dataFile, defaults.dataFile()), or(dataDir, defaults.dataDir()))
                .withStack(
                        new DemoSettings.Ports(
                                or(kafkaPort, ports.kafka()),
                                or(controllerPort, ports.controller()),
                                or(registryPort, ports.registry())),
                        keepStack)
                .withTraining(
                        new DemoSettings.Training(
                                or(epochs, training.epochs()),
                                training.maxLength(),
                                or(learningRate, training.learningRate()),
                                training.seed(),
                                or(replayRatio, training.replayRatio()),
                                or(gateMetric, training.gateMetric())),
                        or(testSize, defaults.testSize()))
                .build();
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
