package io.streamtune.trainer.tuning;

import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.eval.EvaluationReport;

/**
 * A fine-tuned candidate in the store and its evaluation on the job's holdout.
 *
 * @param stored the stored candidate
 * @param holdout the candidate on {@link TuningJob#holdout()}
 */
public record TunedCandidate(StoredVersion stored, EvaluationReport holdout) {}
