package io.streamtune.trainer.it;

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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A trainer in its own JVM for the crash test: {@code <config file> <marker file> slow|fast}. In slow mode
 * fine-tuning writes the marker file and then blocks, so the test can kill the process mid-round.
 */
public final class TrainerProcessMain {

    private TrainerProcessMain() {}

    public static void main(String[] args) throws Exception {
        Path marker = Path.of(args[1]);
        boolean slow = "slow".equals(args[2]);
        ModelTuner tuner = new BlockingTuner(new WordVoteTuner(), marker, slow);
        CountDownLatch fatal = new CountDownLatch(1);
        Trainer trainer =
                Trainer.start(TrainerConfigLoader.load(Path.of(args[0]), Map.of()), tuner, e -> fatal.countDown());
        fatal.await();
        trainer.close();
        System.exit(1);
    }

    /** Delegates, but in slow mode announces the round and never finishes it. */
    private record BlockingTuner(WordVoteTuner delegate, Path marker, boolean slow) implements ModelTuner {

        @Override
        public StoredVersion fineTune(TuningJob job, ModelStore store, ProgressListener progress) throws IOException {
            if (slow) {
                Files.writeString(marker, Long.toString(job.version()));
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            return delegate.fineTune(job, store, progress);
        }

        @Override
        public EvaluationReport evaluate(StoredVersion version, List<String> labels, List<LabeledText> holdout)
                throws IOException {
            return delegate.evaluate(version, labels, holdout);
        }
    }
}
