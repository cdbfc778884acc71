package io.streamtune.trainer.round;

import io.streamtune.trainer.gate.GateDecision;

/**
 * What a published round (or bootstrap) produced.
 *
 * @param version the candidate's version
 * @param decision the gate's decision
 * @param trainedOn the number of examples trained on
 */
public record RoundOutcome(long version, GateDecision decision, int trainedOn) {}
