package io.streamtune.model.training;

import ai.djl.ndarray.NDManager;
import io.streamtune.model.artifact.ModelArtifact;
import io.streamtune.model.artifact.ModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.bert.BertSequenceClassifier;
import io.streamtune.model.bert.BertWeights;
import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.model.tokenize.TextTokenizer;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole fine-tuning run to a stored version: load the starting point (base, version or checkpoint folder, with
 * its tokenizer), split off a stratified
 * holdout, fit a new head by a linear probe when configured ({@link FineTuneConfig#linearProbe()}), fine-tune, evaluate on the evaluation set (the holdout when none is given), and write the
 * version folder (weights, HuggingFace config, tokenizer, labels, the evaluation report as metrics)
 * atomically into the store.
 */
public final class FineTuneJob {

    private static final Logger LOG = LoggerFactory.getLogger(FineTuneJob.class);

    private final ModelStore store;
    private final ProgressListener listener;

    /**
     * @param store where the version is written
     * @param listener receives training progress
     */
    public FineTuneJob(ModelStore store, ProgressListener listener) {
        this.store = store;
        this.listener = listener;
    }

    /**
     * What to train.
     *
     * @param modelName the model family
     * @param version the new version
     * @param start the starting point
     * @param labels the labels in output order
     * @param examples the labelled examples (a holdout is split off them)
     * @param evaluation the examples the stored metrics come from; empty to use the holdout
     * @param config the hyperparameters
     */
    public record Request(
            String modelName,
            long version,
            StartingPoint start,
            List<String> labels,
            List<LabeledText> examples,
            List<LabeledText> evaluation,
            FineTuneConfig config) {}

    /**
     * What came out.
     *
     * @param stored the version written
     * @param evaluation the report stored in its metrics
     * @param training what the fine-tuning did
     */
    public record Outcome(StoredVersion stored, EvaluationReport evaluation, FineTuneResult training) {}

    /** The request's evaluation examples; else the training examples, when there is no other set to report on. */
    private static List<LabeledText> evaluationSet(Request request, HoldoutSplit split) {
        if (!request.evaluation().isEmpty()) {
            return request.evaluation();
        }
        LOG.warn("No evaluation or early-stopping examples: the stored metrics are on the training examples");
        return split.train();
    }

    /**
     * Runs the request.
     *
     * @param request what to train
     * @return the stored version and its reports
     * @throws IOException if loading or writing fails
     */
    public Outcome run(Request request) throws IOException {
        FineTuneConfig config = request.config();
        HoldoutSplit split = config.holdoutFraction() > 0
                ? HoldoutSplit.of(request.examples(), config.holdoutFraction(), config.seed())
                : new HoldoutSplit(request.examples(), List.of());
        try (NDManager manager = NDManager.newBaseManager();
                TextTokenizer tokenizer = request.start().loadTokenizer(config)) {
            LOG.info("Fine-tuning {} version {} from {}", request.modelName(), request.version(), request.start());
            boolean newHead = !request.start().keepsHeadFor(request.labels());
            FineTuneConfig run =
                    newHead ? config : config.toBuilder().optMinSteps(0).build();
            BertSequenceClassifier classifier = request.start().loadClassifier(request.labels(), config, manager);
            if (newHead && config.linearProbe()) {
                LinearProbe.fitHead(classifier, tokenizer, request.labels(), split.train(), split.holdout(), manager);
            }
            FineTuneResult result = new FineTuner(run, listener)
                    .fineTune(classifier, tokenizer, request.labels(), split.train(), split.holdout(), manager);
            EvaluationReport evaluation = request.evaluation().isEmpty() && result.bestHoldout() != null
                    ? result.bestHoldout()
                    : new BatchPredictor(classifier, tokenizer, 32)
                            .evaluate(evaluationSet(request, split), request.labels(), manager);
            LOG.info(
                    "Evaluation of {} version {}:{}{}",
                    request.modelName(),
                    request.version(),
                    System.lineSeparator(),
                    evaluation);
            StoredVersion stored = store.put(ModelArtifact.builder()
                    .setModelName(request.modelName())
                    .setVersion(request.version())
                    .optParentVersion(
                            request.start().parent().map(StoredVersion::version).orElse(null))
                    .setLabels(request.labels())
                    .setConfig(classifier.hfConfig(request.labels()))
                    .setWeights(out -> BertWeights.writeSafetensors(classifier.namedParameters(), out))
                    .setTokenizer(tokenizer::writeTokenizerJson)
                    .optMetrics(evaluation.toMap())
                    .build());
            return new Outcome(stored, evaluation, result);
        }
    }
}
