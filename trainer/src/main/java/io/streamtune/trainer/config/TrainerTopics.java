package io.streamtune.trainer.config;

import io.streamtune.schemas.Topics;

/**
 * The topics the trainer reads and writes; the names of {@link Topics} unless configured otherwise (tests use
 * unique names on a shared broker).
 *
 * @param labelCorrections corrections in
 * @param classifications classified texts in, for id-only corrections
 * @param trainingSet the compacted training set
 * @param modelVersions the compacted model versions
 * @param deadLetters corrections that cannot become training data
 */
public record TrainerTopics(
        String labelCorrections, String classifications, String trainingSet, String modelVersions, String deadLetters) {

    /** The system's topic names. */
    public static TrainerTopics defaults() {
        return new TrainerTopics(
                Topics.LABEL_CORRECTIONS,
                Topics.CLASSIFICATIONS,
                Topics.TRAINING_SET,
                Topics.MODEL_VERSIONS,
                Topics.LABEL_CORRECTIONS_DLQ);
    }
}
