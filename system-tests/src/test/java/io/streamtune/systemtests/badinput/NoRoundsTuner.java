package io.streamtune.systemtests.badinput;

import io.streamtune.model.artifact.ModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.model.training.LabeledText;
import io.streamtune.model.training.ProgressListener;
import io.streamtune.trainer.tuning.ModelTuner;
import io.streamtune.trainer.tuning.TuningJob;
import java.util.List;

/**
 * The trainer's tuner in the corpus tests, where only feedback ingestion is under test: the round trigger is set out
 * of reach, so a call means a round started, which the test reports as a failure instead of training BERT.
 */
final class NoRoundsTuner implements ModelTuner {

    @Override
    public StoredVersion fineTune(TuningJob job, ModelStore store, ProgressListener progress) {
        throw new IllegalStateException("no round should start in the bad-input corpus test");
    }

    @Override
    public EvaluationReport evaluate(StoredVersion version, List<String> labels, List<LabeledText> holdout) {
        throw new IllegalStateException("no round should start in the bad-input corpus test");
    }
}
