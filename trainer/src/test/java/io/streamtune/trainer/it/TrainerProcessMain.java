package io.streamtune.trainer.it;

import io.streamtune.model.artifact.ArtifactContent;
import io.streamtune.model.artifact.ModelArtifact;
import io.streamtune.model.artifact.ModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.eval.EvaluationReport;
import io.streamtune.model.training.LabeledText;
import io.streamtune.model.training.ProgressListener;
import io.streamtune.trainer.Trainer;
import io.streamtune.trainer.config.TrainerConfigLoader;
import io.streamtune.trainer.tuning.ModelTuner;
import io.streamtune.trainer.tuning.TuningJob;
import io.streamtune.trainer.tuning.WordVoteTuner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A trainer in its own JVM for the crash tests: {@code <config file> <marker file> <mode>}. The mode says where a
 * round stops for good, after writing the marker file, so the test can kill the process at that point:
 *
 * <ul>
 *   <li>{@code fast}: nowhere (a normal trainer);
 *   <li>{@code slow}: in fine-tuning, before anything is stored;
 *   <li>{@code store-write}: inside the model store's atomic write, half of {@code model.safetensors} written;
 *   <li>{@code parent-evaluation}: the candidate stored and verified, evaluating the parent, before publishing.
 * </ul>
 *
 * <p>A stop inside the publishing transaction comes from {@link DecisionBlockingInterceptor}, configured through
 * the trainer's {@code kafka.*} settings, not from a mode.
 */
public final class TrainerProcessMain {

    private TrainerProcessMain() {}

    public static void main(String[] args) throws Exception {
        Path marker = Path.of(args[1]);
        Mode mode = Mode.valueOf(args[2].toUpperCase(Locale.ROOT).replace('-', '_'));
        ModelTuner tuner = new BlockingTuner(new WordVoteTuner(), marker, mode);
        CountDownLatch fatal = new CountDownLatch(1);
        Trainer trainer =
                Trainer.start(TrainerConfigLoader.load(Path.of(args[0]), Map.of()), tuner, e -> fatal.countDown());
        fatal.await();
        trainer.close();
        System.exit(1);
    }

    /** Where a round blocks. */
    enum Mode {
        FAST,
        SLOW,
        STORE_WRITE,
        PARENT_EVALUATION
    }

    /** Writes the marker (with what the test may check), then blocks until the process is killed. */
    static void announceAndBlock(Path marker, String text) throws IOException {
        Files.writeString(marker, text);
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Delegates to the word-vote tuner, but blocks at the mode's point. */
    private static final class BlockingTuner implements ModelTuner {

        private final WordVoteTuner delegate;
        private final Path marker;
        private final Mode mode;
        private final AtomicLong lastTrained = new AtomicLong();

        BlockingTuner(WordVoteTuner delegate, Path marker, Mode mode) {
            this.delegate = delegate;
            this.marker = marker;
            this.mode = mode;
        }

        @Override
        public StoredVersion fineTune(TuningJob job, ModelStore store, ProgressListener progress) throws IOException {
            lastTrained.set(job.version());
            if (mode == Mode.SLOW) {
                announceAndBlock(marker, Long.toString(job.version()));
            }
            if (mode == Mode.STORE_WRITE) {
                return store.put(withHalfWrittenWeights(delegate.artifact(job, progress)));
            }
            return delegate.fineTune(job, store, progress);
        }

        @Override
        public EvaluationReport evaluate(StoredVersion version, List<String> labels, List<LabeledText> holdout)
                throws IOException {
            if (mode == Mode.PARENT_EVALUATION && version.version() < lastTrained.get()) {
                announceAndBlock(marker, Long.toString(lastTrained.get()));
            }
            return delegate.evaluate(version, labels, holdout);
        }

        /** The same artifact, but writing its weights stops halfway (bytes flushed to the file) and blocks. */
        private ModelArtifact withHalfWrittenWeights(ModelArtifact full) {
            return ModelArtifact.builder()
                    .setModelName(full.modelName())
                    .setVersion(full.version())
                    .optParentVersion(full.parentVersion())
                    .optCreatedTime(full.createdTime())
                    .setLabels(full.labels())
                    .setConfig(full.config())
                    .setWeights(out -> writeHalfAndBlock(full.weights(), out))
                    .setTokenizer(full.tokenizer())
                    .optMetrics(full.metrics())
                    .build();
        }

        private void writeHalfAndBlock(ArtifactContent weights, OutputStream out) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            weights.writeTo(all);
            byte[] bytes = all.toByteArray();
            int half = bytes.length / 2;
            out.write(bytes, 0, half);
            out.flush();
            announceAndBlock(marker, half + " " + bytes.length);
        }
    }
}
