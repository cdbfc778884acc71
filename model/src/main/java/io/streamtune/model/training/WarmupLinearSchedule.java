package io.streamtune.model.training;

import ai.djl.training.tracker.ParameterTracker;

/**
 * The learning rate of BERT fine-tuning: linear warm-up from 0 to the peak over the first steps,
 * then linear decay to 0 at the last step (HuggingFace's {@code get_linear_schedule_with_warmup}).
 * Steps count from 1, so the first update already moves the weights.
 *
 * <p>The warm-up lasts at least {@link #MIN_WARMUP_STEPS} steps however short the run ({@link #forRun}): AdamW's
 * first update moves every weight by about the learning rate whatever the gradient's size (its second-moment
 * estimate is one gradient squared), so a short run (a round on a few documents: 2 steps, whose 10% warm-up rounds to
 * 0) that starts at the peak moves the whole model at once; on 6 long documents one such step turned a model of 0.97
 * test accuracy into one that answers a single label. A run shorter than the warm-up ends while still warming up.
 */
public final class WarmupLinearSchedule implements ParameterTracker {

    /** Fewest warm-up steps of a run: the warm-up of a 100-step run at the default 10%. */
    public static final int MIN_WARMUP_STEPS = 10;

    private final float peak;
    private final int warmupSteps;
    private final int totalSteps;

    /**
     * Creates the schedule.
     *
     * @param peak the highest learning rate
     * @param warmupSteps steps to reach it, at least 0; at least {@code totalSteps} warms up for the whole run
     * @param totalSteps all steps of the run, at least 1
     */
    public WarmupLinearSchedule(float peak, int warmupSteps, int totalSteps) {
        if (warmupSteps < 0 || totalSteps < 1) {
            throw new IllegalArgumentException(
                    "need warmupSteps >= 0 and totalSteps >= 1, got " + warmupSteps + " and " + totalSteps);
        }
        this.peak = peak;
        this.warmupSteps = warmupSteps;
        this.totalSteps = totalSteps;
    }

    /**
     * The schedule of a run: a warm-up of {@code warmupRatio} of its steps, but at least {@link #MIN_WARMUP_STEPS}.
     *
     * @param peak the highest learning rate
     * @param warmupRatio the share of the steps spent warming up
     * @param totalSteps all steps of the run, at least 1
     * @return the schedule
     */
    public static WarmupLinearSchedule forRun(float peak, float warmupRatio, int totalSteps) {
        return new WarmupLinearSchedule(
                peak, Math.max(MIN_WARMUP_STEPS, Math.round(totalSteps * warmupRatio)), totalSteps);
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
