package io.streamtune.model.training;

import io.streamtune.model.eval.EvaluationReport;
import java.time.Duration;

/**
 * What a fine-tuning run did.
 *
 * @param bestHoldout the holdout report of the parameters kept (the best evaluation); null when the run had no
 *     holdout (it then keeps the parameters of its last step)
 * @param steps the optimisation steps run
 * @param bestStep the step after which the kept parameters were evaluated
 * @param stoppedEarly whether patience ran out before the last planned step
 * @param examplesPerSecond training examples per second over the whole run
 * @param duration the wall-clock time of the run, evaluations included
 */
public record FineTuneResult(
        EvaluationReport bestHoldout,
        int steps,
        int bestStep,
        boolean stoppedEarly,
        double examplesPerSecond,
        Duration duration) {}
