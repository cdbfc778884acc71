package io.streamtune.trainer.round;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The labels of a round's candidate: those of the version in service, in their output order, then any new label
 * that open-label corrections (or audits, which the candidate is evaluated on) brought, sorted, so the known labels keep their head rows and every trainer computes
 * the same order.
 */
final class CandidateLabels {

    private CandidateLabels() {}

    static List<String> of(List<String> serving, RoundPlan plan) {
        TreeSet<String> added = new TreeSet<>();
        Stream.of(plan.train(), plan.holdout(), plan.auditHoldout())
                .flatMap(List::stream)
                .map(Example::label)
                .filter(label -> !serving.contains(label))
                .forEach(added::add);
        List<String> labels = new ArrayList<>(serving);
        labels.addAll(added);
        return List.copyOf(labels);
    }
}
