package io.streamtune.demo;

import io.streamtune.demo.data.DemoPlan;
import io.streamtune.trainer.config.TrainerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a demo run can be told. {@link #defaults(Path)} gives the settings of the full demo (about 5 to 8
 * minutes on a 2-core CPU); {@link #toBuilder()} changes groups of values in a copy.
 *
 * @param dataFile the labelled data ({@code data/uci_sentiment.jsonl})
 * @param dataDir where the stack, the model store, the state and the report go
 * @param events how many events of the {@code stream} split to send after the bootstrap examples
 * @param rate events per second
 * @param bootstrapSize examples version 1 is trained on
 * @param bootstrapDomain the domain those examples come from, or {@value DemoPlan#ALL_DOMAINS}
 * @param correctShare the share of wrong predictions the simulated person corrects
 * @param window events per accuracy window of the summary
 * @param roundTrigger new corrections that start a training round
 * @param testSize examples of the {@code test} split scored before and after (0: skip)
 * @param ports the broker, controller and registry ports
 * @param keepStack leave the stack running at the end
 * @param training fine-tuning settings of the bootstrap and the rounds
 * @param progressInterval how often a progress line is printed
 * @param finishTimeout how long the end waits for the last classifications and an unfinished round
 */
public record DemoSettings(
        Path dataFile,
        Path dataDir,
        int events,
        double rate,
        int bootstrapSize,
        String bootstrapDomain,
        double correctShare,
        int window,
        int roundTrigger,
        int testSize,
        Ports ports,
        boolean keepStack,
        Training training,
        Duration progressInterval,
        Duration finishTimeout) {

    public DemoSettings {
        Objects.requireNonNull(dataFile, "dataFile");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(bootstrapDomain, "bootstrapDomain");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(training, "training");
        requireAtLeast("--events", events, 1);
        requireAtLeast("--bootstrap-size", bootstrapSize, 10);
        requireAtLeast("--window", window, 1);
        requireAtLeast("--round-trigger", roundTrigger, 1);
        requireAtLeast("--test-size", testSize, 0);
        if (!(rate > 0)) {
            throw new IllegalArgumentException("--rate must be positive, was " + rate);
        }
        if (!(correctShare >= 0 && correctShare <= 1)) {
            throw new IllegalArgumentException("--correct-share must be between 0 and 1, was " + correctShare);
        }
    }

    /** The full demo, with its data dir and data file in the repository. */
    public static DemoSettings defaults(Path repositoryRoot) {
        return new DemoSettings(
                repositoryRoot.resolve("data/uci_sentiment.jsonl"),
                repositoryRoot.resolve(".streamtune/demo"),
                1800,
                8.0,
                150,
                "yelp",
                0.8,
                200,
                50,
                600,
                new Ports(9092, 9093, 8081),
                false,
                Training.trainerDefaults(),
                Duration.ofSeconds(5),
                Duration.ofMinutes(4));
    }

    /** A builder starting from these settings, to change groups of them and build a validated copy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes groups of settings; {@link #build()} checks the result as the constructor does. */
    public static final class Builder {
        private Path dataFile;
        private Path dataDir;
        private int events;
        private double rate;
        private int bootstrapSize;
        private String bootstrapDomain;
        private double correctShare;
        private int window;
        private int roundTrigger;
        private int testSize;
        private Ports ports;
        private boolean keepStack;
        private Training training;
        private Duration progressInterval;
        private Duration finishTimeout;

        private Builder(DemoSettings from) {
            dataFile = from.dataFile;
            dataDir = from.dataDir;
            events = from.events;
            rate = from.rate;
            bootstrapSize = from.bootstrapSize;
            bootstrapDomain = from.bootstrapDomain;
            correctShare = from.correctShare;
            window = from.window;
            roundTrigger = from.roundTrigger;
            testSize = from.testSize;
            ports = from.ports;
            keepStack = from.keepStack;
            training = from.training;
            progressInterval = from.progressInterval;
            finishTimeout = from.finishTimeout;
        }

        public Builder withStream(int newEvents, double newRate, int newWindow) {
            events = newEvents;
            rate = newRate;
            window = newWindow;
            return this;
        }

        public Builder withBootstrap(int size, String domain) {
            bootstrapSize = size;
            bootstrapDomain = domain;
            return this;
        }

        public Builder withFeedback(double share, int trigger) {
            correctShare = share;
            roundTrigger = trigger;
            return this;
        }

        public Builder withFolders(Path newDataFile, Path newDataDir) {
            dataFile = newDataFile;
            dataDir = newDataDir;
            return this;
        }

        public Builder withStack(Ports newPorts, boolean keep) {
            ports = newPorts;
            keepStack = keep;
            return this;
        }

        public Builder withTraining(Training newTraining, int newTestSize) {
            training = newTraining;
            testSize = newTestSize;
            return this;
        }

        public Builder withTiming(Duration progress, Duration finish) {
            progressInterval = progress;
            finishTimeout = finish;
            return this;
        }

        public DemoSettings build() {
            return new DemoSettings(
                    dataFile,
                    dataDir,
                    events,
                    rate,
                    bootstrapSize,
                    bootstrapDomain,
                    correctShare,
                    window,
                    roundTrigger,
                    testSize,
                    ports,
                    keepStack,
                    training,
                    progressInterval,
                    finishTimeout);
        }
    }

    private static void requireAtLeast(String option, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(option + " must be at least " + minimum + ", was " + value);
        }
    }

    /**
     * The local stack's ports on 127.0.0.1.
     *
     * @param kafka the broker's client port
     * @param controller the KRaft controller port
     * @param registry the schema registry's HTTP port
     */
    public record Ports(int kafka, int controller, int registry) {}

    /**
     * Fine-tuning of the bootstrap and of every round.
     *
     * @param epochs passes over the examples
     * @param maxLength tokens per text (also the classifier's)
     * @param learningRate the peak learning rate
     * @param seed the seed of training, the holdout split and the simulated person
     * @param replayRatio earlier examples replayed per new correction in a round
     * @param gateMetric what the gate compares: {@code accuracy} or {@code macroF1}
     */
    public record Training(
            int epochs, int maxLength, double learningRate, long seed, double replayRatio, String gateMetric) {

        /** The trainer's own defaults: the demo tunes nothing of its own. */
        public static Training trainerDefaults() {
            Map<String, Object> defaults = TrainerConfig.definition().defaultValues();
            return new Training(
                    (Integer) defaults.get(TrainerConfig.TRAINING_EPOCHS),
                    (Integer) defaults.get(TrainerConfig.TRAINING_MAX_LENGTH),
                    (Double) defaults.get(TrainerConfig.TRAINING_LEARNING_RATE),
                    (Long) defaults.get(TrainerConfig.ROUND_SEED),
                    (Double) defaults.get(TrainerConfig.ROUND_REPLAY_RATIO),
                    (String) defaults.get(TrainerConfig.GATE_METRIC));
        }

        public Training {
            Objects.requireNonNull(gateMetric, "gateMetric");
        }
    }
}
