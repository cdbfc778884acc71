package io.streamtune.trainer.round;

import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.trainer.gate.GateDecision;

/**
 * What a published round (or bootstrap) produced.
 *
 * @param version the candidate's version
 * @param decision the gate's decision
 * @param trainedOn the number of examples trained on
 * @param holdout the candidate on the round's holdout: accuracy, per-class precision, recall and F1, confusion matrix
 */
public record RoundOutcome(long version, GateDecision decision, int trainedOn, EvaluationReport holdout) {}
