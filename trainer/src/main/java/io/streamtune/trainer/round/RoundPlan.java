package io.streamtune.trainer.round;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The examples of one round.
 *
 * @param train new corrections plus the replay sample, none of them held out
 * @param holdout every held-out example, old and new, to evaluate candidate and version in service alike
 * @param newExamples how many of {@code train} are new corrections
 * @param labelled every example outside the holdout, new and earlier (what the lexical model learns from)
 */
public record RoundPlan(List<Example> train, List<Example> holdout, int newExamples, List<Example> labelled) {

    public RoundPlan {
        train = List.copyOf(train);
        holdout = List.copyOf(holdout);
        labelled = List.copyOf(labelled);
    }

    /**
     * Plans a round. A correction is held out by its id ({@link Holdout#isHeldOut}); the seed examples of bootstrap
     * still in the training set are split as bootstrap split them ({@link Holdout#split}, stratified by label), so
     * what version 1 was evaluated on stays held out.
     *
     * @param earlier examples already trained on in earlier rounds (latest label per event)
     * @param fresh examples new since the last round (latest label per event; an event may be in both, then
     *     the fresh one wins)
     */
    public static RoundPlan of(
            List<Example> earlier, List<Example> fresh, Holdout holdout, ReplaySampler replay, long seed) {
        Set<String> freshIds = new HashSet<>();
        fresh.forEach(example -> freshIds.add(example.eventId()));
        List<Example> current = new ArrayList<>(fresh);
        earlier.stream()
                .filter(example -> !freshIds.contains(example.eventId()))
                .forEach(current::add);
        Predicate<Example> heldOutSeed = heldOutSeeds(current, holdout);
        Predicate<Example> isHeldOut =
                example -> example.seed() ? heldOutSeed.test(example) : holdout.isHeldOut(example.eventId());
        List<Example> heldOut = new ArrayList<>();
        List<Example> freshTrain = new ArrayList<>();
        List<Example> earlierTrain = new ArrayList<>();
        for (Example example : fresh) {
            (isHeldOut.test(example) ? heldOut : freshTrain).add(example);
        }
        for (Example example : current.subList(fresh.size(), current.size())) {
            (isHeldOut.test(example) ? heldOut : earlierTrain).add(example);
        }
        List<Example> train = new ArrayList<>(freshTrain);
        train.addAll(replay.sample(earlierTrain, freshTrain.size(), seed));
        List<Example> labelled = new ArrayList<>(freshTrain);
        labelled.addAll(earlierTrain);
        return new RoundPlan(train, heldOut, freshTrain.size(), labelled);
    }

    private static Predicate<Example> heldOutSeeds(List<Example> current, Holdout holdout) {
        Set<String> ids = new HashSet<>();
        holdout.split(current.stream().filter(Example::seed).toList()).heldOut().stream()
                .map(Example::eventId)
                .forEach(ids::add);
        return example -> ids.contains(example.eventId());
    }
}
