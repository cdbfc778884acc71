package io.streamtune.trainer.tuning;

import io.streamtune.model.artifact.ModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.classify.ClassifierSettings;
import io.streamtune.model.classify.DjlTextClassifier;
import io.streamtune.model.classify.Prediction;
import io.streamtune.model.device.DeviceChoice;
import io.streamtune.model.device.DeviceSelection;
import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.model.tokenize.TextWindows;
import io.streamtune.model.training.FineTuneJob;
import io.streamtune.model.training.LabeledText;
import io.streamtune.model.training.ProgressListener;
import io.streamtune.model.training.StartingPoint;
import io.streamtune.trainer.config.TrainerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * The {@link ModelTuner} on the model module: BERT on DJL/PyTorch, fine-tuned from a stored version, or without one
 * from the configured HuggingFace checkpoint folder or the configured built-in base ({@link FineTuneJob}, which splits its own early-stopping holdout off the training
 * examples), and evaluated by loading the stored folder exactly as the classifier does.
 */
public final class DjlModelTuner implements ModelTuner {

    private final ClassifierSettings inference;

    /**
     * @param inference how stored versions are loaded for evaluation (device, max length, batch size); versions are
     *     fine-tuned on the same device
     */
    public DjlModelTuner(ClassifierSettings inference) {
        this.inference = inference;
    }

    /**
     * The tuner of a trainer configuration: stored versions are evaluated with the windows they are trained with
     * (the classifier's default mean pooling of window logits).
     *
     * @throws ConfigException naming {@value TrainerConfig#DEVICE_REQUIRED} when the GPU it requires is not there
     */
    public static DjlModelTuner of(TrainerConfig config) {
        return new DjlModelTuner(inferenceSettings(config));
    }

    /**
     * How a trainer configuration's versions are trained and loaded: on the device chosen now from {@value
     * TrainerConfig#DEVICE} and the GPUs PyTorch sees, with its window length and cap, mean pooling of windows.
     *
     * @throws ConfigException naming {@value TrainerConfig#DEVICE_REQUIRED} when the GPU it requires is not there
     */
    public static ClassifierSettings inferenceSettings(TrainerConfig config) {
        return inferenceSettings(config, DeviceSelection.onEngine(TrainerConfig.DEVICE, TrainerConfig.DEVICE_REQUIRED));
    }

    /** {@link #inferenceSettings(TrainerConfig)} on the device this selection chooses. */
    static ClassifierSettings inferenceSettings(TrainerConfig config, DeviceSelection selection) {
        DeviceChoice device;
        try {
            device = selection.choose(config.device(), config.deviceRequired());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        return ClassifierSettings.defaults()
                .withDevice(device.device())
                .withMaxLength(config.maxLength())
                .withWindows(config.maxWindows(), TextWindows.Pooling.MEAN);
    }

    @Override
    public StoredVersion fineTune(TuningJob job, ModelStore store, ProgressListener progress) throws IOException {
        return run(job, store, progress).stored();
    }

    /**
     * One fine-tuning run: {@link FineTuneJob} evaluates the trained model on the job's holdout (its evaluation
     * set) before storing it, with the same weights, labels and maximum length a load of the stored folder has, so
     * that report is returned rather than loading the folder to compute it again. An empty holdout is evaluated
     * the default way (FineTuneJob then reports on its own early-stopping split instead).
     */
    @Override
    public TunedCandidate fineTuneAndEvaluate(TuningJob job, ModelStore store, ProgressListener progress)
            throws IOException {
        if (job.holdout().isEmpty()) {
            return ModelTuner.super.fineTuneAndEvaluate(job, store, progress);
        }
        FineTuneJob.Outcome outcome = run(job, store, progress);
        return new TunedCandidate(outcome.stored(), outcome.evaluation());
    }

    private FineTuneJob.Outcome run(TuningJob job, ModelStore store, ProgressListener progress) throws IOException {
        FineTuneJob.Request request = new FineTuneJob.Request(
                job.modelName(),
                job.version(),
                startingPoint(job),
                job.labels(),
                job.train(),
                job.holdout(),
                job.settings().configFor(job.parent().isPresent()),
                job.lexicalTrain());
        return new FineTuneJob(store, progress, inference.djlDevice()).run(request);
    }

    /** The parent version; without one, the configured checkpoint folder or else the configured built-in base. */
    static StartingPoint startingPoint(TuningJob job) throws IOException {
        if (job.parent().isPresent()) {
            return StartingPoint.fromVersion(job.parent().get());
        }
        Optional<Path> checkpoint = job.settings().baseCheckpoint();
        return checkpoint.isPresent()
                ? StartingPoint.fromCheckpoint(checkpoint.get())
                : StartingPoint.pretrained(job.settings().builtInBase());
    }

    @Override
    public EvaluationReport evaluate(StoredVersion version, List<String> labels, List<LabeledText> holdout)
            throws IOException {
        try (DjlTextClassifier classifier = DjlTextClassifier.load(version.folder(), inference)) {
            List<String> texts = holdout.stream().map(LabeledText::text).toList();
            List<String> predicted =
                    classifier.classify(texts).stream().map(Prediction::label).toList();
            List<String> truth = holdout.stream().map(LabeledText::label).toList();
            return EvaluationReport.of(labels, truth, predicted);
        }
    }
}
