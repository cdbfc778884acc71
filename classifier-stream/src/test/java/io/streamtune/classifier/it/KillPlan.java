package io.streamtune.classifier.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The seeded plan of a rolling-kill run, drawn once before the stream starts: after how many distinct
 * classifications each kill -9 comes, which instance it hits, and the pause before it. A third of the kills come
 * before the roll-out, one right after the new version is published (inside the roll-out window), the rest after.
 */
final class KillPlan {

    /** The roll-out starts when this share of the events has been classified. */
    static final double ROLL_OUT_AT = 1.0 / 3;

    private static final double FIRST_KILL_AT = 0.05;
    private static final double LAST_KILL_BEFORE_ROLL_OUT = 0.28;
    private static final double FIRST_KILL_AFTER_ROLL_OUT = 0.40;
    private static final double LAST_KILL_AT = 0.90;
    private static final int LONGEST_PAUSE_MS = 1_500;
    private static final int LONGEST_ROLL_OUT_PAUSE_MS = 1_000;

    /**
     * One kill.
     *
     * @param afterClassifications the kill comes once at least this many distinct events are classified (and both
     *     instances are ready)
     * @param rollOut true for the kill that follows the publication of the new version
     * @param victim the index of the instance to kill
     * @param pauseMillis the pause between the trigger (or the publication) and the kill
     */
    record Step(int afterClassifications, boolean rollOut, int victim, long pauseMillis) {}

    private final long seed;
    private final List<Step> steps;

    private KillPlan(long seed, List<Step> steps) {
        this.seed = seed;
        this.steps = List.copyOf(steps);
    }

    /** Draws a plan of {@code kills} kills (at least 2) over {@code events} events among {@code instances}. */
    static KillPlan draw(long seed, int events, int kills, int instances) {
        if (kills < 2) {
            throw new IllegalArgumentException("a rolling-kill plan needs a kill before and one during the roll-out");
        }
        Random random = new Random(seed);
        int before = Math.max(1, (kills - 1) / 3);
        int after = kills - 1 - before;
        List<Step> steps = new ArrayList<>();
        spread(random, events, before, FIRST_KILL_AT, LAST_KILL_BEFORE_ROLL_OUT, instances, steps);
        steps.add(new Step(
                (int) (events * ROLL_OUT_AT),
                true,
                random.nextInt(instances),
                100 + random.nextInt(LONGEST_ROLL_OUT_PAUSE_MS - 100)));
        spread(random, events, after, FIRST_KILL_AFTER_ROLL_OUT, LAST_KILL_AT, instances, steps);
        return new KillPlan(seed, steps);
    }

    /** One kill at a random point of each of {@code count} equal slices of [from, to) of the stream. */
    private static void spread(
            Random random, int events, int count, double from, double to, int instances, List<Step> steps) {
        double slice = (to - from) / Math.max(1, count);
        for (int i = 0; i < count; i++) {
            double at = from + slice * i + slice * random.nextDouble();
            steps.add(
                    new Step((int) (events * at), false, random.nextInt(instances), random.nextInt(LONGEST_PAUSE_MS)));
        }
    }

    List<Step> steps() {
        return steps;
    }

    long seed() {
        return seed;
    }

    /** The plan as text, one line per kill, with the instances' names. */
    String describe(List<String> names) {
        StringBuilder text = new StringBuilder("kill plan (seed " + seed + "):");
        for (Step step : steps) {
            text.append(String.format(
                    "%n  %s after >= %d classifications, pause %d ms%s",
                    names.get(step.victim()),
                    step.afterClassifications(),
                    step.pauseMillis(),
                    step.rollOut() ? " after publishing v2 (roll-out window)" : ""));
        }
        return text.toString();
    }
}
