package io.streamtune.trainer.tuning;

import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.base.BuiltInBase;
import io.streamtune.model.classify.ClassifierSettings;
import io.streamtune.model.training.FineTuneConfig;
import io.streamtune.model.training.LabeledText;
import io.streamtune.model.training.ProgressListener;
import io.streamtune.trainer.round.ExampleFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A child-JVM entry point for log tests: one short fine-tuning run through the trainer's real adapter (engine and
 * tokenizer start-up, two steps of MiniLM, evaluation, store), then one line on standard output.
 *
 * <p>Arguments: the data file ({@code data/uci_sentiment.jsonl}) and an empty store folder.
 */
public final class ShortTrainingRun {

    /** The line printed when the run finished. */
    public static final String DONE = "short training run stored version ";

    private ShortTrainingRun() {}

    public static void main(String[] args) throws IOException {
        List<LabeledText> examples = ExampleFile.read(Path.of(args[0]), "stream").stream()
                .limit(40)
                .map(e -> new LabeledText(e.text(), e.label()))
                .toList();
        FineTuneConfig config = FineTuneConfig.builder()
                .optEpochs(1)
                .optBatchSize(16)
                .optMaxLength(32)
                .optLexicalWeight(0f)
                .optSeed(7)
                .build();
        TuningSettings settings = new TuningSettings(config, Optional.empty(), BuiltInBase.ALL_MINILM_L6_V2);
        DjlModelTuner tuner = new DjlModelTuner(ClassifierSettings.defaults().withMaxLength(32));
        StoredVersion stored = tuner.fineTune(
                new TuningJob(
                        "short",
                        1,
                        Optional.empty(),
                        List.of("neg", "pos"),
                        examples.subList(8, 40),
                        examples.subList(0, 8),
                        settings),
                new FileSystemModelStore(Path.of(args[1])),
                ProgressListener.logging());
        System.out.println(DONE + stored.version());
    }
}
