package io.streamtune.schemas;

import java.util.List;

/** The names of every Streamtune topic, defined once, and the settings a topic creator needs. */
public final class Topics {

    /** Texts to classify; values are {@link TextEvent}. */
    public static final String TEXT_EVENTS = "text-events";

    /** The classifier's verdicts; values are {@link Classification}. */
    public static final String CLASSIFICATIONS = "classifications";

    /** Human corrections of labels; values are {@link LabelCorrection}. */
    public static final String LABEL_CORRECTIONS = "label-corrections";

    /** Model versions and their lifecycle state; compacted, values are {@link ModelVersion}. */
    public static final String MODEL_VERSIONS = "model-versions";

    /** The labelled examples the trainer learns from, keyed by event id; compacted. */
    public static final String TRAINING_SET = "training-set";

    /** Text events that could not be read or classified, with the reason in headers. */
    public static final String TEXT_EVENTS_DLQ = "text-events-dlq";

    /** Label corrections that could not be read, with the reason in headers. */
    public static final String LABEL_CORRECTIONS_DLQ = "label-corrections-dlq";

    /**
     * The review workbench's leases (who was shown which item until when), keyed by event id and annotator;
     * compacted, values are JSON.
     */
    public static final String REVIEW_LEASES = "review-leases";

    private static final List<TopicSpec> ALL = List.of(
            new TopicSpec(TEXT_EVENTS, false),
            new TopicSpec(CLASSIFICATIONS, false),
            new TopicSpec(LABEL_CORRECTIONS, false),
            new TopicSpec(MODEL_VERSIONS, true),
            new TopicSpec(TRAINING_SET, true),
            new TopicSpec(TEXT_EVENTS_DLQ, false),
            new TopicSpec(LABEL_CORRECTIONS_DLQ, false),
            new TopicSpec(REVIEW_LEASES, true));

    private Topics() {}

    /** Every topic of the system, in a stable order, with whether it is log-compacted. */
    public static List<TopicSpec> all() {
        return ALL;
    }

    /**
     * One topic to create.
     *
     * @param name the topic name
     * @param compacted true for {@code cleanup.policy=compact}, false for {@code delete}
     */
    public record TopicSpec(String name, boolean compacted) {}
}
