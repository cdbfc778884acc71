package io.streamtune.trainer.gate;

/**
 * What the gate decided.
 *
 * @param promote true for PROMOTED, false for REJECTED
 * @param metric the metric compared
 * @param candidate the candidate's value
 * @param inService the in-service version's value, NaN when none served
 * @param reason a readable comparison for logs
 */
public record GateDecision(boolean promote, String metric, double candidate, double inService, String reason) {}
