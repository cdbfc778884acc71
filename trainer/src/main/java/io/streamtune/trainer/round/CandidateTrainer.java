package io.streamtune.trainer.round;

import io.streamtune.model.artifact.ModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.model.training.LabeledText;
import io.streamtune.model.training.ProgressListener;
import io.streamtune.trainer.publish.PublishedVersions;
import io.streamtune.trainer.tuning.ModelTuner;
import io.streamtune.trainer.tuning.TunedCandidate;
import io.streamtune.trainer.tuning.TuningJob;
import io.streamtune.trainer.tuning.TuningSettings;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a candidate, writes it atomically to the model store and verifies it (the store re-reads every checksum),
 * and evaluates stored versions: the common steps of bootstrap and rounds.
 */
public final class CandidateTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(CandidateTrainer.class);

    private final String modelName;
    private final List<String> labels;
    private final ModelStore store;
    private final ModelTuner tuner;
    private final TuningSettings settings;
    private final ProgressListener progress;

    public CandidateTrainer(
            String modelName,
            List<String> labels,
            ModelStore store,
            ModelTuner tuner,
            TuningSettings settings,
            ProgressListener progress) {
        this.modelName = modelName;
        this.labels = List.copyOf(labels);
        this.store = store;
        this.tuner = tuner;
        this.settings = settings;
        this.progress = progress;
    }

    public String modelName() {
        return modelName;
    }

    public List<String> labels() {
        return labels;
    }

    /**
     * The version number of the next candidate: above every published version and every folder in the store (a
     * folder without a published record is left over from a crash or a fenced trainer, and is never reused).
     */
    public long nextVersion(PublishedVersions published) throws IOException {
        long stored = store.latest(modelName).orElse(0L);
        return Math.max(published.maxVersion(), stored) + 1;
    }

    /** The stored, verified version in service. */
    public StoredVersion resolve(long version) throws IOException {
        return store.resolve(modelName, version);
    }

    /**
     * Fine-tunes from the parent (the base when empty), stores and verifies the candidate, and evaluates it on the
     * holdout (the tuner's own report of the trained model when it has one, see {@link
     * ModelTuner#fineTuneAndEvaluate}).
     *
     * @return the stored, verified candidate and its holdout report
     * @throws java.nio.file.FileAlreadyExistsException when another trainer stored this version first
     */
    public TunedCandidate train(
            long version, Optional<StoredVersion> parent, List<Example> train, List<Example> holdout)
            throws IOException {
        return train(version, parent, labels, new Examples(train, holdout, train));
    }

    /**
     * What a candidate is trained and evaluated on.
     *
     * @param train what BERT is fine-tuned on
     * @param holdout what the candidate is evaluated on (never trained on)
     * @param labelled what the lexical model learns from: every labelled example outside the holdout
     */
    public record Examples(List<Example> train, List<Example> holdout, List<Example> labelled) {}

    /**
     * {@link #train(long, Optional, List, List)} for a candidate with its own labels (the labels of the version in
     * service plus the new labels that open-label corrections brought) and a lexical model on every labelled example.
     */
    public TunedCandidate train(
            long version, Optional<StoredVersion> parent, List<String> candidateLabels, Examples examples)
            throws IOException {
        List<Example> train = examples.train();
        List<Example> holdout = examples.holdout();
        LOG.info(
                "Training {} version {} from {} on {} examples ({} held out, {} for the lexical model)",
                modelName,
                version,
                parent.map(p -> "version " + p.version()).orElse("the base model"),
                train.size(),
                holdout.size(),
                examples.labelled().size());
        TuningJob job = new TuningJob(
                modelName,
                version,
                parent,
                candidateLabels,
                texts(train),
                texts(holdout),
                settings,
                texts(examples.labelled()));
        TunedCandidate tuned = tuner.fineTuneAndEvaluate(job, store, progress);
        StoredVersion stored = tuned.stored();
        LOG.info("Stored {} version {} at {} (manifest {})", modelName, version, stored.uri(), stored.manifestSha256());
        StoredVersion verified = store.resolve(modelName, version);
        logReport(verified, tuned.holdout());
        return new TunedCandidate(verified, tuned.holdout());
    }

    /** Evaluates a stored version on the holdout. */
    public EvaluationReport evaluate(StoredVersion version, List<Example> holdout) throws IOException {
        return evaluate(version, labels, holdout);
    }

    /** Evaluates a stored version on the holdout, reporting on {@code reportLabels} (a superset of its own). */
    public EvaluationReport evaluate(StoredVersion version, List<String> reportLabels, List<Example> holdout)
            throws IOException {
        EvaluationReport report = tuner.evaluate(version, reportLabels, texts(holdout));
        logReport(version, report);
        return report;
    }

    private void logReport(StoredVersion version, EvaluationReport report) {
        LOG.info(
                "{} version {} on {} held-out examples: accuracy {} macro-F1 {}",
                modelName,
                version.version(),
                report.total(),
                report.accuracy(),
                report.macroF1());
    }

    static List<LabeledText> texts(List<Example> examples) {
        return examples.stream()
                .map(example -> new LabeledText(example.text(), example.label()))
                .toList();
    }
}
