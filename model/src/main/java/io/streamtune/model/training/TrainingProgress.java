package io.streamtune.model.training;

import java.time.Duration;

/**
 * Where a fine-tuning run stands after a step.
 *
 * @param epoch the current epoch, from 1
 * @param epochs the number of epochs planned
 * @param step the optimisation steps done, from 1
 * @param totalSteps the steps planned
 * @param loss the mean training loss since the previous report
 * @param learningRate the learning rate of the last step
 * @param examplesPerSecond training examples per second since the run started
 * @param elapsed time since the run started
 * @param remaining the estimated time to the planned last step
 */
public record TrainingProgress(
        int epoch,
        int epochs,
        int step,
        int totalSteps,
        double loss,
        double learningRate,
        double examplesPerSecond,
        Duration elapsed,
        Duration remaining) {}
