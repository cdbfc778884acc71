package io.streamtune.demo;

import io.streamtune.demo.data.DemoPlan;
import io.streamtune.trainer.config.TrainerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a demo run can be told. {@link #builder()} starts from the settings of the full demo (about 5 to 8
 * minutes on a 2-core CPU): set the repository root, change what you need with the {@code opt...} methods.
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
 * @param reviewPage whether the review workbench runs beside the demo, and on which port
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
        ReviewPage reviewPage,
        Training training,
        Duration progressInterval,
        Duration finishTimeout) {

    public DemoSettings {
        Objects.requireNonNull(dataFile, "dataFile");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(bootstrapDomain, "bootstrapDomain");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(reviewPage, "reviewPage");
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
        return builder().setRepositoryRoot(repositoryRoot).build();
    }

    /** @return a builder holding the full demo's settings; the repository root must still be set */
    public static Builder builder() {
        return new Builder();
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
     * The review workbench beside the demo ({@code --review}), so a person can correct and confirm the live stream.
     *
     * @param enabled whether it runs
     * @param port its HTTP port on 127.0.0.1 (0: any free port)
     */
    public record ReviewPage(boolean enabled, int port) {

        public ReviewPage {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("--review-port must be between 0 and 65535, was " + port);
            }
        }
    }

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

        public Training {
            Objects.requireNonNull(gateMetric, "gateMetric");
        }
    }

    /**
     * Builds {@link DemoSettings}. Required: the repository root, which places the data file and the data dir
     * unless they are given. Defaults: 1800 events at 8 per second, 150 {@code yelp} bootstrap examples, 80% of
     * the wrong predictions corrected, windows of 200 events, a round after 50 corrections, 600 test sentences,
     * ports 9092, 9093 and 8081, the stack stopped at the end, no review page (port 8070 when asked for), the trainer's own fine-tuning defaults, a progress
     * line every 5 seconds and 4 minutes to finish.
     */
    public static final class Builder {
        private Path repositoryRoot;
        private Path dataFile;
        private Path dataDir;
        private int events = 1800;
        private double rate = 8.0;
        private int bootstrapSize = 150;
        private String bootstrapDomain = "yelp";
        private double correctShare = 0.8;
        private int window = 200;
        private int roundTrigger = 50;
        private int testSize = 600;
        private int kafkaPort = 9092;
        private int controllerPort = 9093;
        private int registryPort = 8081;
        private boolean keepStack;
        private boolean review;
        private int reviewPort = 8070;
        private int epochs;
        private int maxLength;
        private double learningRate;
        private long seed;
        private double replayRatio;
        private String gateMetric;
        private Duration progressInterval = Duration.ofSeconds(5);
        private Duration finishTimeout = Duration.ofMinutes(4);

        /** The demo tunes nothing of its own: fine-tuning starts at the trainer's defaults. */
        private Builder() {
            Map<String, Object> trainer = TrainerConfig.definition().defaultValues();
            epochs = (Integer) trainer.get(TrainerConfig.TRAINING_EPOCHS);
            maxLength = (Integer) trainer.get(TrainerConfig.TRAINING_MAX_LENGTH);
            learningRate = (Double) trainer.get(TrainerConfig.TRAINING_LEARNING_RATE);
            seed = (Long) trainer.get(TrainerConfig.ROUND_SEED);
            replayRatio = (Double) trainer.get(TrainerConfig.ROUND_REPLAY_RATIO);
            gateMetric = (String) trainer.get(TrainerConfig.GATE_METRIC);
        }

        /** @param root the checkout: the data file and the data dir default to places in it */
        public Builder setRepositoryRoot(Path root) {
            repositoryRoot = root;
            return this;
        }

        /** @param file the labelled data, instead of {@code <root>/data/uci_sentiment.jsonl} */
        public Builder optDataFile(Path file) {
            dataFile = file;
            return this;
        }

        /** @param dir the stack, model store and reports, instead of {@code <root>/.streamtune/demo} */
        public Builder optDataDir(Path dir) {
            dataDir = dir;
            return this;
        }

        /** @param count events of the stream split to send */
        public Builder optEvents(int count) {
            events = count;
            return this;
        }

        /** @param perSecond events sent per second */
        public Builder optRate(double perSecond) {
            rate = perSecond;
            return this;
        }

        /** @param size examples version 1 is trained on */
        public Builder optBootstrapSize(int size) {
            bootstrapSize = size;
            return this;
        }

        /** @param domain the domain of version 1's examples, or {@value DemoPlan#ALL_DOMAINS} */
        public Builder optBootstrapDomain(String domain) {
            bootstrapDomain = domain;
            return this;
        }

        /** @param share the share of wrong predictions corrected, 0 to 1 */
        public Builder optCorrectShare(double share) {
            correctShare = share;
            return this;
        }

        /** @param size events per accuracy window */
        public Builder optWindow(int size) {
            window = size;
            return this;
        }

        /** @param corrections new corrections that start a round */
        public Builder optRoundTrigger(int corrections) {
            roundTrigger = corrections;
            return this;
        }

        /** @param size test sentences scored before and after (0: skip) */
        public Builder optTestSize(int size) {
            testSize = size;
            return this;
        }

        /** @param port the broker's client port */
        public Builder optKafkaPort(int port) {
            kafkaPort = port;
            return this;
        }

        /** @param port the KRaft controller port */
        public Builder optControllerPort(int port) {
            controllerPort = port;
            return this;
        }

        /** @param port the schema registry's port */
        public Builder optRegistryPort(int port) {
            registryPort = port;
            return this;
        }

        /** @param keep whether the stack keeps running at the end */
        public Builder optKeepStack(boolean keep) {
            keepStack = keep;
            return this;
        }

        /** @param enabled whether the review workbench runs beside the demo */
        public Builder optReview(boolean enabled) {
            review = enabled;
            return this;
        }

        /** @param port the review workbench's port (0: any free port) */
        public Builder optReviewPort(int port) {
            reviewPort = port;
            return this;
        }

        /** @param count fine-tuning epochs of the bootstrap and each round */
        public Builder optEpochs(int count) {
            epochs = count;
            return this;
        }

        /** @param tokens tokens per text, in training and in the classifier */
        public Builder optMaxLength(int tokens) {
            maxLength = tokens;
            return this;
        }

        /** @param peak the peak fine-tuning learning rate */
        public Builder optLearningRate(double peak) {
            learningRate = peak;
            return this;
        }

        /** @param value the seed of training, the holdout split and the simulated person */
        public Builder optSeed(long value) {
            seed = value;
            return this;
        }

        /** @param ratio earlier examples replayed per new correction */
        public Builder optReplayRatio(double ratio) {
            replayRatio = ratio;
            return this;
        }

        /** @param metric what the gate compares: {@code accuracy} or {@code macroF1} */
        public Builder optGateMetric(String metric) {
            gateMetric = metric;
            return this;
        }

        /** @param interval how often a progress line is printed */
        public Builder optProgressInterval(Duration interval) {
            progressInterval = interval;
            return this;
        }

        /** @param timeout how long the end waits for the last classifications and a round */
        public Builder optFinishTimeout(Duration timeout) {
            finishTimeout = timeout;
            return this;
        }

        /**
         * @return the validated settings
         * @throws IllegalArgumentException naming the first invalid option, or the repository root when it is
         *     needed and missing
         */
        public DemoSettings build() {
            return new DemoSettings(
                    dataFile != null ? dataFile : inRepository("data/uci_sentiment.jsonl"),
                    dataDir != null ? dataDir : inRepository(".streamtune/demo"),
                    events,
                    rate,
                    bootstrapSize,
                    bootstrapDomain,
                    correctShare,
                    window,
                    roundTrigger,
                    testSize,
                    new Ports(kafkaPort, controllerPort, registryPort),
                    keepStack,
                    new ReviewPage(review, reviewPort),
                    new Training(epochs, maxLength, learningRate, seed, replayRatio, gateMetric),
                    progressInterval,
                    finishTimeout);
        }

        private Path inRepository(String path) {
            if (repositoryRoot == null) {
                throw new IllegalArgumentException("repositoryRoot is required to place " + path);
            }
            return repositoryRoot.resolve(path);
        }
    }
}
