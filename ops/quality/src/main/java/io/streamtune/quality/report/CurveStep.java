package io.streamtune.quality.report;

/**
 * One step of a learning curve as a chart shows it.
 *
 * @param labelsBeyondSeed labels used after this step minus those of the bootstrap (step 0): what the stream added
 * @param value the chart's metric of the version in service after the step
 * @param rejected whether the gate rejected the step's candidate, so the version in service did not change
 */
public record CurveStep(int labelsBeyondSeed, double value, boolean rejected) {}
