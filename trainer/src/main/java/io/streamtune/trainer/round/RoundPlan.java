package io.streamtune.trainer.round;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The examples of one round.
 *
 * <p>Confirmations are examples like corrections: held out by the same id hash, trained on and replayed alike. Held
 * out, they are the predictions the version in service got right, so they temper a holdout that corrections alone
 * fill with its mistakes. Audits (labels of items drawn at random for review) all go to the audit holdout and are
 * never trained on, fresh or earlier: an audit a version trained on would no longer be an unbiased sample for it or
 * for any version fine-tuned from it.
 *
 * @param train new corrections and confirmations plus the replay sample, none of them held out
 * @param holdout every held-out correction, confirmation and seed example, old and new, to evaluate candidate and
 *     version in service alike
 * @param newExamples how many of {@code train} are new
 * @param labelled every example outside both holdouts, new and earlier (what the lexical model learns from)
 * @param auditHoldout every audit label, old and new, the gate's unbiased holdout
 */
public record RoundPlan(
        List<Example> train,
        List<Example> holdout,
        int newExamples,
        List<Example> labelled,
        List<Example> auditHoldout) {

    public RoundPlan {
        train = List.copyOf(train);
        holdout = List.copyOf(holdout);
        labelled = List.copyOf(labelled);
        auditHoldout = List.copyOf(auditHoldout);
    }

    /**
     * Plans a round. A correction or confirmation is held out by its id ({@link Holdout#isHeldOut}); the seed
     * examples of bootstrap still in the training set are split as bootstrap split them ({@link Holdout#split},
     * stratified by label), so what version 1 was evaluated on stays held out; every audit is in the audit holdout.
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
        List<Example> audited = new ArrayList<>();
        List<Example> heldOut = new ArrayList<>();
        List<Example> freshTrain = new ArrayList<>();
        List<Example> earlierTrain = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            Example example = current.get(i);
            List<Example> side = i < fresh.size() ? freshTrain : earlierTrain;
            (example.isAudit() ? audited : isHeldOut.test(example) ? heldOut : side).add(example);
        }
        List<Example> train = new ArrayList<>(freshTrain);
        train.addAll(replay.sample(earlierTrain, freshTrain.size(), seed));
        List<Example> labelled = new ArrayList<>(freshTrain);
        labelled.addAll(earlierTrain);
        return new RoundPlan(train, heldOut, freshTrain.size(), labelled, audited);
    }

    private static Predicate<Example> heldOutSeeds(List<Example> current, Holdout holdout) {
        Set<String> ids = new HashSet<>();
        holdout
                .split(current.stream()
                        .filter(example -> example.seed() && !example.isAudit())
                        .toList())
                .heldOut()
                .stream()
                .map(Example::eventId)
                .forEach(ids::add);
        return example -> ids.contains(example.eventId());
    }
}
