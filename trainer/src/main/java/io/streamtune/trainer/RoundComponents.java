package io.streamtune.trainer;

import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.training.ProgressListener;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.gate.Gate;
import io.streamtune.trainer.publish.PublishedVersions;
import io.streamtune.trainer.publish.VersionPublisher;
import io.streamtune.trainer.round.Bootstrapper;
import io.streamtune.trainer.round.CandidateTrainer;
import io.streamtune.trainer.round.Holdout;
import io.streamtune.trainer.round.ReplaySampler;
import io.streamtune.trainer.round.RoundRunner;
import io.streamtune.trainer.round.RoundTrigger;
import io.streamtune.trainer.tuning.ModelTuner;
import io.streamtune.trainer.tuning.TuningSettings;
import java.io.IOException;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What bootstrap and rounds are made of, wired from a {@link TrainerConfig} in one place. The trainer and the
 * learning-quality harness ({@code ops/quality}) both build their rounds here, so a setting that changes rounds
 * changes both alike.
 *
 * @param trainer trains, stores and evaluates candidates
 * @param holdout which event ids are held out
 * @param replay the replay sample of a round
 * @param gate promotes or rejects a candidate
 * @param trigger when a round starts
 * @param seed the round seed ({@code round.seed})
 */
public record RoundComponents(
        CandidateTrainer trainer, Holdout holdout, ReplaySampler replay, Gate gate, RoundTrigger trigger, long seed) {

    /**
     * Wires the components of a configuration.
     *
     * @param tuner fine-tunes and evaluates
     * @param progress receives the fine-tuning progress
     * @throws IOException when the model store cannot be opened
     */
    public static RoundComponents from(TrainerConfig config, ModelTuner tuner, ProgressListener progress)
            throws IOException {
        CandidateTrainer trainer = new CandidateTrainer(
                config.modelName(),
                config.labels(),
                new FileSystemModelStore(config.storeRoot()),
                tuner,
                TuningSettings.from(config),
                progress);
        return new RoundComponents(
                trainer,
                new Holdout(config.holdoutFraction()),
                new ReplaySampler(config.replayRatio(), config.replayFill()),
                new Gate(
                        config.gateMetric(),
                        config.gateMargin(),
                        config.gateSeedMargin(),
                        new Gate.AuditRule(config.gateAuditMargin(), config.gateAuditMinExamples())),
                new RoundTrigger(config.roundTriggerCorrections(), config.roundTriggerInterval()),
                config.seed());
    }

    /** The bootstrap of the first version, publishing through the publisher. */
    public Bootstrapper bootstrapper(VersionPublisher publisher, Clock clock) {
        return new Bootstrapper(trainer, publisher, holdout, clock);
    }

    /** The round runner, reading published versions from {@code versions} and publishing through the publisher. */
    public RoundRunner runner(Supplier<PublishedVersions> versions, VersionPublisher publisher, Clock clock) {
        return new RoundRunner(trainer, versions, publisher, holdout, replay, gate, seed, clock);
    }
}
