package io.streamtune.demo;

import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.ObjDoubleConsumer;
import java.util.function.ObjIntConsumer;

/**
 * Every value a person can give the demo, by its command-line name: the one list a command line parses into a
 * {@link DemoSettings.Builder}, which owns the defaults and checks the values.
 */
public enum DemoOption {
    EVENTS(
            "--events",
            "N",
            whole(DemoSettings.Builder::optEvents),
            "Events to stream (default 1800; the stream split has 2400 minus the bootstrap examples)."),
    RATE("--rate", "PER_SECOND", decimal(DemoSettings.Builder::optRate), "Events per second (default 8)."),
    BOOTSTRAP_SIZE(
            "--bootstrap-size",
            "N",
            whole(DemoSettings.Builder::optBootstrapSize),
            "Examples v1 is trained on (default 150)."),
    BOOTSTRAP_DOMAIN(
            "--bootstrap-domain",
            "DOMAIN",
            Binding.of(String.class, DemoSettings.Builder::optBootstrapDomain),
            "Domain of the v1 examples: yelp, imdb, amazon or all (default yelp)."),
    CORRECT_SHARE(
            "--correct-share",
            "SHARE",
            decimal(DemoSettings.Builder::optCorrectShare),
            "Share of wrong predictions the simulated person corrects, 0-1 (default 0.8)."),
    ROUND_TRIGGER(
            "--round-trigger",
            "N",
            whole(DemoSettings.Builder::optRoundTrigger),
            "Corrections that start a round (default 50)."),
    WINDOW("--window", "N", whole(DemoSettings.Builder::optWindow), "Events per accuracy window (default 200)."),
    TEST_SIZE(
            "--test-size",
            "N",
            whole(DemoSettings.Builder::optTestSize),
            "Test sentences scored before and after, 0 to skip (default 600)."),
    EPOCHS(
            "--epochs",
            "N",
            whole(DemoSettings.Builder::optEpochs),
            "Fine-tuning epochs per round (default: the trainer's training.epochs)."),
    LEARNING_RATE(
            "--learning-rate",
            "RATE",
            decimal(DemoSettings.Builder::optLearningRate),
            "Peak fine-tuning learning rate of a round (default: the trainer's training.learning.rate)."),
    REPLAY_RATIO(
            "--replay-ratio",
            "RATIO",
            decimal(DemoSettings.Builder::optReplayRatio),
            "Earlier examples replayed per new correction in a round (default: the trainer's round.replay.ratio)."),
    GATE_METRIC(
            "--gate-metric",
            "METRIC",
            Binding.of(String.class, DemoSettings.Builder::optGateMetric),
            "What the gate compares on the holdout: macroF1 or accuracy (default macroF1)."),
    DATA_DIR(
            "--data-dir",
            "DIR",
            Binding.of(Path.class, DemoSettings.Builder::optDataDir),
            "Stack, model store and reports (default <repo>/.streamtune/demo)."),
    DATA_FILE(
            "--data-file",
            "FILE",
            Binding.of(Path.class, DemoSettings.Builder::optDataFile),
            "Labelled data (default <repo>/data/uci_sentiment.jsonl)."),
    KAFKA_PORT("--kafka-port", "PORT", whole(DemoSettings.Builder::optKafkaPort), "Broker port (default 9092)."),
    CONTROLLER_PORT(
            "--controller-port",
            "PORT",
            whole(DemoSettings.Builder::optControllerPort),
            "KRaft controller port (default 9093)."),
    REGISTRY_PORT(
            "--registry-port",
            "PORT",
            whole(DemoSettings.Builder::optRegistryPort),
            "Schema registry port (default 8081)."),
    REVIEW(
            "--review",
            "",
            Binding.of(Boolean.class, DemoSettings.Builder::optReview),
            "Also run the review workbench, so you can correct and confirm the live stream in a browser (the"
                    + " address and a login are printed)."),
    REVIEW_PORT(
            "--review-port",
            "PORT",
            whole(DemoSettings.Builder::optReviewPort),
            "Port of the review workbench with --review (default 8070)."),
    KEEP_STACK(
            "--keep-stack",
            "",
            Binding.of(Boolean.class, DemoSettings.Builder::optKeepStack),
            "Leave the stack running at the end.");

    private final String optionName;
    private final String paramLabel;
    private final Binding<?> binding;
    private final String description;

    DemoOption(String optionName, String paramLabel, Binding<?> binding, String description) {
        this.optionName = optionName;
        this.paramLabel = paramLabel;
        this.binding = binding;
        this.description = description;
    }

    /** @return the option as typed, {@code --events} */
    public String optionName() {
        return optionName;
    }

    /** @return what the value is called in the help, empty for a flag */
    public String paramLabel() {
        return paramLabel;
    }

    /** @return the type the value is parsed into: {@code Integer}, {@code Double}, {@code String}, ... */
    public Class<?> type() {
        return binding.type();
    }

    /** @return the help text, with the default */
    public String description() {
        return description;
    }

    /**
     * Sets the parsed value in the settings.
     *
     * @param settings the builder
     * @param value a value of {@link #type()}
     */
    public void applyTo(DemoSettings.Builder settings, Object value) {
        binding.applyTo(settings, value);
    }

    private static Binding<Integer> whole(ObjIntConsumer<DemoSettings.Builder> setter) {
        return Binding.of(Integer.class, setter::accept);
    }

    private static Binding<Double> decimal(ObjDoubleConsumer<DemoSettings.Builder> setter) {
        return Binding.of(Double.class, setter::accept);
    }

    /** The type of an option's value and the builder method it goes to. */
    private record Binding<T>(Class<T> type, BiConsumer<DemoSettings.Builder, T> setter) {

        static <T> Binding<T> of(Class<T> type, BiConsumer<DemoSettings.Builder, T> setter) {
            return new Binding<>(type, setter);
        }

        void applyTo(DemoSettings.Builder settings, Object value) {
            setter.accept(settings, type.cast(value));
        }
    }
}
