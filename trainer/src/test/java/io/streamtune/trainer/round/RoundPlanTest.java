package io.streamtune.trainer.round;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.schemas.FeedbackKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RoundPlanTest {

    private final Holdout holdout = new Holdout(0.2);

    @Test
    void shouldTrainOnFreshAndReplayAndHoldOutByIdOnly() {
        List<Example> earlier = examples("old", 200, "neg");
        List<Example> fresh = examples("new", 50, "pos");

        RoundPlan plan = RoundPlan.of(earlier, fresh, holdout, new ReplaySampler(1.0), 1);

        assertThat(plan.train()).noneMatch(example -> holdout.isHeldOut(example.eventId()));
        assertThat(plan.holdout()).allMatch(example -> holdout.isHeldOut(example.eventId()));
        long freshTrained =
                fresh.stream().filter(e -> !holdout.isHeldOut(e.eventId())).count();
        assertThat(plan.newExamples()).isEqualTo((int) freshTrained);
        assertThat(plan.train()).hasSize((int) (2 * freshTrained));
        assertThat(plan.train().subList(0, plan.newExamples()))
                .allMatch(e -> e.label().equals("pos"));
        assertThat(plan.holdout()).hasSize((int)
                (earlier.stream().filter(e -> holdout.isHeldOut(e.eventId())).count() + fresh.size() - freshTrained));
    }

    @Test
    void shouldGiveTheLexicalModelEveryLabelledExampleOutsideTheHoldout() {
        List<Example> earlier = examples("old", 200, "neg");
        List<Example> fresh = examples("new", 50, "pos");

        RoundPlan plan = RoundPlan.of(earlier, fresh, holdout, new ReplaySampler(0.5), 1);

        long outside = earlier.size() + fresh.size() - plan.holdout().size();
        assertThat(plan.labelled()).hasSize((int) outside).noneMatch(e -> holdout.isHeldOut(e.eventId()));
        assertThat(plan.labelled()).containsAll(plan.train());
        assertThat(plan.train()).hasSizeLessThan(plan.labelled().size());
    }

    @Test
    void shouldLetFreshLabelReplaceEarlierLabelOfTheSameEvent() {
        List<Example> earlier = examples("e", 100, "neg");
        List<Example> fresh = examples("e", 100, "pos");

        RoundPlan plan = RoundPlan.of(earlier, fresh, holdout, new ReplaySampler(1.0), 1);

        assertThat(plan.train()).allMatch(e -> e.label().equals("pos"));
        assertThat(plan.holdout()).allMatch(e -> e.label().equals("pos"));
        assertThat(plan.labelled()).hasSize(plan.train().size()).allMatch(e -> e.label()
                .equals("pos"));
    }

    private static List<Example> examples(String prefix, int count, String label) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Example(prefix + i, "text " + i, label))
                .toList();
    }

    @Test
    void shouldKeepTheSeedExamplesBootstrapHeldOutHeldOutInRounds() {
        List<Example> seeds = new ArrayList<>();
        seeds.addAll(seeds("neg", 30));
        seeds.addAll(seeds("pos", 7));
        List<Example> fresh = examples("new", 40, "pos");
        Holdout.Split bootstrap = holdout.split(seeds);

        RoundPlan plan = RoundPlan.of(seeds, fresh, holdout, new ReplaySampler(10.0), 1);

        assertThat(plan.holdout().stream().filter(Example::seed).toList())
                .containsExactlyInAnyOrderElementsOf(bootstrap.heldOut());
        assertThat(plan.labelled().stream().filter(Example::seed).toList())
                .containsExactlyInAnyOrderElementsOf(bootstrap.train());
        assertThat(plan.holdout().stream().filter(e -> !e.seed())).allMatch(e -> holdout.isHeldOut(e.eventId()));
    }

    @Test
    void shouldHoldOutEveryAuditAndTrainOnConfirmationsLikeCorrections() {
        List<Example> earlier = new ArrayList<>(kind("old-audit", 40, FeedbackKind.AUDIT));
        earlier.addAll(examples("old", 100, "neg"));
        List<Example> fresh = new ArrayList<>(kind("audit", 30, FeedbackKind.AUDIT));
        fresh.addAll(kind("confirm", 100, FeedbackKind.CONFIRMATION));

        RoundPlan plan = RoundPlan.of(earlier, fresh, holdout, new ReplaySampler(10.0), 1);

        assertThat(plan.auditHoldout()).hasSize(70).allMatch(Example::isAudit);
        assertThat(plan.train()).noneMatch(Example::isAudit);
        assertThat(plan.labelled()).noneMatch(Example::isAudit);
        assertThat(plan.holdout()).noneMatch(Example::isAudit);
        List<Example> confirmations = plan.train().stream()
                .filter(e -> e.kind() == FeedbackKind.CONFIRMATION)
                .toList();
        long confirmationsOutside = fresh.stream()
                .filter(e -> !e.isAudit() && !holdout.isHeldOut(e.eventId()))
                .count();
        assertThat(confirmations).hasSize((int) confirmationsOutside);
        assertThat(plan.newExamples()).isEqualTo((int) confirmationsOutside);
        assertThat(plan.holdout())
                .filteredOn(e -> e.kind() == FeedbackKind.CONFIRMATION)
                .hasSize(100 - (int) confirmationsOutside)
                .allMatch(e -> holdout.isHeldOut(e.eventId()));
    }

    @Test
    void shouldMoveAnAuditedEventToTheTrainingSideWhenItsLatestLabelIsACorrection() {
        List<Example> earlier = kind("e", 50, FeedbackKind.AUDIT);
        List<Example> fresh = examples("e", 50, "pos");

        RoundPlan plan = RoundPlan.of(earlier, fresh, holdout, new ReplaySampler(1.0), 1);

        assertThat(plan.auditHoldout()).isEmpty();
        assertThat(plan.train().size() + plan.holdout().size()).isEqualTo(50);
    }

    private static List<Example> kind(String prefix, int count, FeedbackKind kind) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Example(prefix + i, "text " + i, "pos", false, kind))
                .toList();
    }

    private static List<Example> seeds(String label, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Example("seed-" + label + i, "text " + i, label, true))
                .toList();
    }
}
