package io.streamtune.trainer.round;

import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.trainer.gate.GateDecision;
import io.streamtune.trainer.publish.PublishedVersions;
import io.streamtune.trainer.publish.VersionPublisher;
import io.streamtune.trainer.publish.VersionRecords;
import io.streamtune.trainer.tuning.TunedCandidate;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first version: fine-tune the pretrained base on an initial labelled set and publish it PROMOTED, writing the
 * examples into the training set (and committing them as consumed) in the same transaction, so later rounds
 * replay them and do not count them as new.
 */
public final class Bootstrapper {

    private static final Logger LOG = LoggerFactory.getLogger(Bootstrapper.class);

    /** The annotator of bootstrap examples in the training set. */
    public static final String ANNOTATOR = "bootstrap";

    private final CandidateTrainer trainer;
    private final VersionPublisher publisher;
    private final Holdout holdout;
    private final Clock clock;

    public Bootstrapper(CandidateTrainer trainer, VersionPublisher publisher, Holdout holdout, Clock clock) {
        this.trainer = trainer;
        this.publisher = publisher;
        this.holdout = holdout;
        this.clock = clock;
    }

    /**
     * Trains and publishes the first version.
     *
     * @param published what is published already; bootstrap refuses to run when any version exists
     * @param examples the initial labelled examples
     * @param group the training-set consumer group of the rounds
     */
    public RoundOutcome run(PublishedVersions published, List<Example> examples, ConsumerGroupMetadata group)
            throws IOException {
        if (published.maxVersion() > 0) {
            throw new IllegalStateException(trainer.modelName() + " already has version " + published.maxVersion()
                    + ": bootstrap only creates the first version");
        }
        refuseUnknownLabels(examples);
        Holdout.Split split = holdout.split(examples);
        List<Example> train = split.train();
        List<Example> heldOut = split.heldOut();
        long version = trainer.nextVersion(published);
        TunedCandidate tuned = trainer.train(version, Optional.empty(), train, heldOut);
        StoredVersion candidate = tuned.stored();
        EvaluationReport report = tuned.holdout();
        GateDecision decision = new GateDecision(true, "accuracy", report.accuracy(), Double.NaN, "first version");
        Instant now = clock.instant();
        Map<String, Double> metrics = report.toMap();
        List<ModelVersion> records = List.of(
                VersionRecords.of(candidate, ModelStatus.CANDIDATE, trainer.labels(), metrics, train.size(), now),
                VersionRecords.of(candidate, ModelStatus.PROMOTED, trainer.labels(), metrics, train.size(), now));
        publisher.publish(corrections(examples, now), records, Map.of(), group);
        LOG.info(
                "Published {} version {} (accuracy {} on {} held out)",
                trainer.modelName(),
                version,
                report.accuracy(),
                heldOut.size());
        return new RoundOutcome(version, decision, train.size(), report);
    }

    private void refuseUnknownLabels(List<Example> examples) {
        examples.stream()
                .filter(example -> !trainer.labels().contains(example.label()))
                .findFirst()
                .ifPresent(example -> {
                    throw new IllegalArgumentException("example " + example.eventId() + " has label " + example.label()
                            + " outside " + trainer.labels());
                });
    }

    private static List<LabelCorrection> corrections(List<Example> examples, Instant now) {
        return examples.stream()
                .map(example -> LabelCorrection.newBuilder()
                        .setEventId(example.eventId())
                        .setLabel(example.label())
                        .setText(example.text())
                        .setAnnotator(ANNOTATOR)
                        .setCorrectedTime(now)
                        .build())
                .toList();
    }
}
