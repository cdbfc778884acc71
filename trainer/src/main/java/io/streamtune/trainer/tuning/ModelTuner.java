package io.streamtune.trainer.tuning;

import io.streamtune.model.artifact.ModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.model.training.LabeledText;
import io.streamtune.model.training.ProgressListener;
import java.io.IOException;
import java.util.List;

/** Fine-tunes and evaluates models. Implementations may be slow; they are called on the round thread only. */
public interface ModelTuner {

    /**
     * Fine-tunes a candidate and writes it atomically into the store.
     *
     * @param job what to train from and on
     * @param store where the candidate version is written (never overwriting a version)
     * @param progress receives epoch, step, loss and time left
     * @return the stored candidate
     * @throws java.nio.file.FileAlreadyExistsException if the version exists in the store
     * @throws IOException if the parent cannot be read or the candidate not written
     */
    StoredVersion fineTune(TuningJob job, ModelStore store, ProgressListener progress) throws IOException;

    /**
     * Fine-tunes a candidate, writes it into the store and evaluates it on {@link TuningJob#holdout()}. By default
     * {@link #fineTune} then {@link #evaluate}; an implementation that already evaluates the trained model on that
     * holdout while fine-tuning returns that report instead of computing it again.
     *
     * @param job what to train from and on
     * @param store where the candidate version is written (never overwriting a version)
     * @param progress receives epoch, step, loss and time left
     * @return the stored candidate and its holdout report
     * @throws IOException as {@link #fineTune} and {@link #evaluate}
     */
    default TunedCandidate fineTuneAndEvaluate(TuningJob job, ModelStore store, ProgressListener progress)
            throws IOException {
        StoredVersion stored = fineTune(job, store, progress);
        return new TunedCandidate(stored, evaluate(stored, job.labels(), job.holdout()));
    }

    /**
     * Evaluates a stored (verified) version.
     *
     * @param version the version
     * @param labels the label set of the report
     * @param holdout the examples
     * @return the report
     * @throws IOException if the version cannot be loaded
     */
    EvaluationReport evaluate(StoredVersion version, List<String> labels, List<LabeledText> holdout) throws IOException;
}
