package io.streamtune.trainer.tuning;

import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.training.LabeledText;
import java.util.List;
import java.util.Optional;

/**
 * One fine-tuning run.
 *
 * @param modelName the model family
 * @param version the version to create
 * @param parent the version to start from; empty for the base ({@link TuningSettings#baseCheckpoint()})
 * @param labels the classes, in output order
 * @param train the training examples
 * @param holdout held-out examples for early stopping and the artifact's metrics
 * @param settings hyperparameters
 * @param lexicalTrain what the lexical model learns from (every labelled example outside the holdout); empty for
 *     {@code train}
 */
public record TuningJob(
        String modelName,
        long version,
        Optional<StoredVersion> parent,
        List<String> labels,
        List<LabeledText> train,
        List<LabeledText> holdout,
        TuningSettings settings,
        List<LabeledText> lexicalTrain) {

    public TuningJob {
        labels = List.copyOf(labels);
        train = List.copyOf(train);
        holdout = List.copyOf(holdout);
        lexicalTrain = List.copyOf(lexicalTrain);
    }

    /** A job whose lexical model (if any) learns from {@code train}. */
    public TuningJob(
            String modelName,
            long version,
            Optional<StoredVersion> parent,
            List<String> labels,
            List<LabeledText> train,
            List<LabeledText> holdout,
            TuningSettings settings) {
        this(modelName, version, parent, labels, train, holdout, settings, List.of());
    }
}
