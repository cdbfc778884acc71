package io.streamtune.trainer.round;

import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.trainer.gate.Gate;
import io.streamtune.trainer.gate.GateDecision;
import io.streamtune.trainer.publish.PublishedVersions;
import io.streamtune.trainer.publish.VersionPublisher;
import io.streamtune.trainer.publish.VersionRecords;
import io.streamtune.trainer.tuning.TunedCandidate;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One continual round: fine-tune the version in service on the new corrections plus a replay sample, store and
 * verify the candidate, evaluate candidate and version in service on the same holdouts (the holdout drawn from
 * corrections, confirmations and seed examples, and the audit holdout: see {@link HoldoutComparison}), and publish
 * CANDIDATE then PROMOTED or REJECTED together with the consumed training-set offsets, in one transaction. A crash
 * before the
 * commit leaves at most an unreferenced store folder; the offsets stay, so the round runs again after a restart.
 */
public final class RoundRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RoundRunner.class);

    private final CandidateTrainer trainer;
    private final Supplier<PublishedVersions> versions;
    private final VersionPublisher publisher;
    private final Holdout holdout;
    private final ReplaySampler replay;
    private final Gate gate;
    private final long seed;
    private final Clock clock;

    public RoundRunner(
            CandidateTrainer trainer,
            Supplier<PublishedVersions> versions,
            VersionPublisher publisher,
            Holdout holdout,
            ReplaySampler replay,
            Gate gate,
            long seed,
            Clock clock) {
        this.trainer = trainer;
        this.versions = versions;
        this.publisher = publisher;
        this.holdout = holdout;
        this.replay = replay;
        this.gate = gate;
        this.seed = seed;
        this.clock = clock;
    }

    /** The version in service now, as published; empty before bootstrap. */
    public Optional<Long> versionInService() {
        return versions.get().inService().map(ModelVersion::getVersion);
    }

    /**
     * Runs a round on a snapshot of the training set.
     *
     * @return the outcome, or empty when there was nothing to train on (the fresh examples were all held out)
     * @throws IllegalStateException when no version is in service (run bootstrap first)
     */
    public Optional<RoundOutcome> run(TrainingSetCache.Snapshot snapshot) throws IOException {
        PublishedVersions published = versions.get();
        ModelVersion serving = published
                .inService()
                .orElseThrow(() -> new IllegalStateException(
                        "no version of " + trainer.modelName() + " is in service: run bootstrap first"));
        long version = trainer.nextVersion(published);
        RoundPlan plan = RoundPlan.of(snapshot.earlier(), snapshot.fresh(), holdout, replay, seed + version);
        if (plan.newExamples() == 0 || plan.holdout().isEmpty()) {
            LOG.info(
                    "No new training examples outside the holdout: recording {} fresh as consumed",
                    snapshot.fresh().size());
            publisher.publish(List.of(), List.of(), snapshot.positions(), snapshot.group());
            return Optional.empty();
        }
        StoredVersion parent = trainer.resolve(serving.getVersion());
        List<String> labels = CandidateLabels.of(serving.getLabels(), plan);
        TunedCandidate tuned = trainer.train(
                version,
                Optional.of(parent),
                labels,
                new CandidateTrainer.Examples(plan.train(), plan.holdout(), plan.labelled()));
        StoredVersion candidate = tuned.stored();
        EvaluationReport candidateReport = tuned.holdout();
        HoldoutComparison compared = HoldoutComparison.of(trainer, labels, plan, candidate, candidateReport, parent);
        GateDecision decision = gate.decide(compared.candidate(), Optional.of(compared.inService()));
        LOG.info(
                "Gate for {} version {}: {} ({})",
                trainer.modelName(),
                version,
                decision.promote() ? "PROMOTED" : "REJECTED",
                decision.reason());
        Map<String, Double> metrics = compared.recorded();
        publisher.publish(
                List.of(),
                records(candidate, labels, decision, metrics, plan.train().size()),
                snapshot.positions(),
                snapshot.group());
        return Optional.of(new RoundOutcome(version, decision, plan.train().size(), candidateReport));
    }

    /** CANDIDATE, then the decision, for one stored version. */
    List<ModelVersion> records(
            StoredVersion candidate,
            List<String> labels,
            GateDecision decision,
            Map<String, Double> metrics,
            long trained) {
        ModelStatus status = decision.promote() ? ModelStatus.PROMOTED : ModelStatus.REJECTED;
        return List.of(
                VersionRecords.of(candidate, ModelStatus.CANDIDATE, labels, metrics, trained, clock.instant()),
                VersionRecords.of(candidate, status, labels, metrics, trained, clock.instant()));
    }
}
