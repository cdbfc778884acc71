package io.streamtune.model.training;

import ai.djl.training.tracker.ParameterTracker;

/**
 * The learning rate of BERT fine-tuning: linear warm-up from 0 to the peak over the first steps,
 * then linear decay to 0 at the last step (HuggingFace's {@code get_linear_schedule_with_warmup}).
 * Steps count from 1, so the first update already moves the weights.
 */
public final class WarmupLinearSchedule implements ParameterTracker {

    private final float peak;
    private final int warmupSteps;
    private final int totalSteps;

    /**
     * Creates the schedule.
     *
     * @param peak the highest learning rate
     * @param warmupSteps steps to reach it, at least 0
     * @param totalSteps all steps of the run, more than {@code warmupSteps}
     */
    public WarmupLinearSchedule(float peak, int warmupSteps, int totalSteps) {
        if (warmupSteps < 0 || totalSteps <= warmupSteps) {
            throw new IllegalArgumentException(
                    "need 0 <= warmupSteps < totalSteps, got " + warmupSteps + " and " + totalSteps);
        }
        this.peak = peak;
        this.warmupSteps = warmupSteps;
        this.totalSteps = totalSteps;
    }

    /**
     * The learning rate of a step.
     *
     * @param step the step, from 1
     * @return the learning rate
     */
    public float at(int step) {
        if (step <= warmupSteps) {
            return peak * step / warmupSteps;
        }
        return peak * Math.max(0f, (float) (totalSteps - step + 1) / (totalSteps - warmupSteps));
    }

    @Override
    public float getNewValue(String parameterId, int numUpdate) {
        return at(numUpdate);
    }
}
