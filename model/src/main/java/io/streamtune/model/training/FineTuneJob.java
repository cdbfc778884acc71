package io.streamtune.model.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.streamtune.model.artifact.ArtifactContent;
import io.streamtune.model.artifact.ModelArtifact;
import io.streamtune.model.artifact.ModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.bert.BertSequenceClassifier;
import io.streamtune.model.bert.BertWeights;
import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.model.lexical.LexicalModel;
import io.streamtune.model.lexical.LexicalTrainer;
import io.streamtune.model.tokenize.TextTokenizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole fine-tuning run to a stored version: load the starting point (base, version or checkpoint folder, with
 * its tokenizer), split off a stratified
 * holdout, fit a new head by a linear probe when configured ({@link FineTuneConfig#linearProbe()}), fine-tune, train
 * the lexical model fused with it when {@link FineTuneConfig#lexicalWeight()} is above 0, evaluate on the evaluation
 * set (the holdout when none is given) exactly as the stored version will classify, and write the version folder
 * (weights, HuggingFace config, tokenizer, labels, lexical model, the evaluation report as metrics) atomically into
 * the store.
 */
public final class FineTuneJob {

    private static final Logger LOG = LoggerFactory.getLogger(FineTuneJob.class);

    private final ModelStore store;
    private final ProgressListener listener;
    private final Device device;

    /**
     * A job on the engine's default device (GPU 0 when PyTorch sees a GPU, else the CPU).
     *
     * @param store where the version is written
     * @param listener receives training progress
     */
    public FineTuneJob(ModelStore store, ProgressListener listener) {
        this(store, listener, Engine.getInstance().defaultDevice());
    }

    /**
     * @param store where the version is written
     * @param listener receives training progress
     * @param device where the model is trained (as {@code io.streamtune.model.device.DeviceSelection} chose it)
     */
    public FineTuneJob(ModelStore store, ProgressListener listener, Device device) {
        this.store = store;
        this.listener = listener;
        this.device = device;
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
     * @param lexicalExamples what the lexical model learns from (it is cheap, so a round gives it the whole labelled
     *     set outside its evaluation examples); empty for the training part of {@code examples}
     */
    public record Request(
            String modelName,
            long version,
            StartingPoint start,
            List<String> labels,
            List<LabeledText> examples,
            List<LabeledText> evaluation,
            FineTuneConfig config,
            List<LabeledText> lexicalExamples) {

        /** A request whose lexical model (if any) learns from the training part of {@code examples}. */
        public Request(
                String modelName,
                long version,
                StartingPoint start,
                List<String> labels,
                List<LabeledText> examples,
                List<LabeledText> evaluation,
                FineTuneConfig config) {
            this(modelName, version, start, labels, examples, evaluation, config, List.of());
        }
    }

    /**
     * What came out.
     *
     * @param stored the version written
     * @param evaluation the report stored in its metrics
     * @param training what the fine-tuning did
     */
    public record Outcome(StoredVersion stored, EvaluationReport evaluation, FineTuneResult training) {}

    /**
     * The request's evaluation examples; else the early-stopping holdout; else the training examples, when there is
     * no other set to report on.
     */
    private static List<LabeledText> evaluationSet(Request request, HoldoutSplit split) {
        if (!request.evaluation().isEmpty()) {
            return request.evaluation();
        }
        if (!split.holdout().isEmpty()) {
            return split.holdout();
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
        try (NDManager manager = NDManager.newBaseManager(device);
                TextTokenizer tokenizer = request.start().loadTokenizer(config)) {
            LOG.info(
                    "Fine-tuning {} version {} from {} on {}",
                    request.modelName(),
                    request.version(),
                    request.start(),
                    device);
            boolean newHead = !request.start().keepsHeadFor(request.labels());
            FineTuneConfig run =
                    newHead ? config : config.toBuilder().optMinSteps(0).build();
            BertSequenceClassifier classifier = request.start().loadClassifier(request.labels(), config, manager);
            if (newHead && config.linearProbe()) {
                LinearProbe.fitHead(classifier, tokenizer, request.labels(), split.train(), split.holdout(), manager);
            }
            FineTuneResult result = fineTune(classifier, tokenizer, request, split, run, newHead, manager);
            Optional<LexicalModel> lexical = lexicalModel(request, split)
                    .map(model -> withChosenWeight(model, classifier, tokenizer, request, split, manager));
            EvaluationReport evaluation =
                    lexical.isEmpty() && request.evaluation().isEmpty() && result.bestHoldout() != null
                            ? result.bestHoldout()
                            : new BatchPredictor(classifier, tokenizer, 32, lexical)
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
                    .optLexical(lexical.<ArtifactContent>map(model -> model::writeTo)
                            .orElse(null))
                    .build());
            return new Outcome(stored, evaluation, result);
        }
    }

    /**
     * Fine-tunes, then blends the weights with the starting version's when the run keeps its head ({@link
     * FineTuneConfig#parentBlend()}); the blended run's result has no best holdout report.
     */
    private FineTuneResult fineTune(
            BertSequenceClassifier classifier,
            TextTokenizer tokenizer,
            Request request,
            HoldoutSplit split,
            FineTuneConfig run,
            boolean newHead,
            NDManager manager) {
        FineTuner tuner = new FineTuner(run, listener);
        if (newHead || run.parentBlend() == 0f) {
            return tuner.fineTune(classifier, tokenizer, request.labels(), split.train(), split.holdout(), manager);
        }
        try (ParameterSnapshot parent = ParameterSnapshot.of(classifier.namedParameters(), manager)) {
            FineTuneResult result =
                    tuner.fineTune(classifier, tokenizer, request.labels(), split.train(), split.holdout(), manager);
            parent.blendInto(run.parentBlend());
            LOG.info("Kept {} of the parent's weights (parent blend)", run.parentBlend());
            return new FineTuneResult(
                    null, // the best step's report no longer describes the blended weights
                    result.steps(),
                    result.bestStep(),
                    result.stoppedEarly(),
                    result.examplesPerSecond(),
                    result.duration());
        }
    }

    /**
     * The lexical model at the weight that does best on the examples neither part was trained on: the evaluation
     * examples and the early-stopping holdout. Choosing among four weights on the evaluation examples makes their
     * report a little optimistic; the gate's other check, on the held-out seed examples, is on the same footing for
     * candidate and version in service.
     */
    private static LexicalModel withChosenWeight(
            LexicalModel model,
            BertSequenceClassifier classifier,
            TextTokenizer tokenizer,
            Request request,
            HoldoutSplit split,
            NDManager manager) {
        List<LabeledText> unseen = new ArrayList<>(request.evaluation());
        unseen.addAll(split.holdout());
        if (unseen.isEmpty()) {
            return model;
        }
        float[][] logits = new BatchPredictor(classifier, tokenizer, 32)
                .logits(unseen.stream().map(LabeledText::text).toList(), manager);
        return FusionWeightChooser.choose(model, logits, unseen, request.labels());
    }

    private static Optional<LexicalModel> lexicalModel(Request request, HoldoutSplit split) {
        FineTuneConfig config = request.config();
        if (config.lexicalWeight() <= 0) {
            return Optional.empty();
        }
        Set<LabeledText> earlyStopping = new HashSet<>(split.holdout());
        List<LabeledText> examples = request.lexicalExamples().isEmpty()
                ? split.train()
                : request.lexicalExamples().stream()
                        .filter(example -> !earlyStopping.contains(example))
                        .toList();
        LexicalTrainer trainer = new LexicalTrainer(LexicalModel.DEFAULT_BUCKETS, config.seed());
        return Optional.of(trainer.train(
                examples.stream().map(LabeledText::text).toList(),
                examples.stream().map(LabeledText::label).toList(),
                request.labels(),
                config.lexicalWeight()));
    }
}
