package io.streamtune.model.training;

import io.streamtune.model.eval.EvaluationReport;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Receives the progress of a fine-tuning run. Called on the training thread: return quickly. */
public interface ProgressListener {

    /**
     * After every {@code reportEverySteps} steps, and after the last.
     *
     * @param progress where the run stands
     */
    void onProgress(TrainingProgress progress);

    /**
     * After each holdout evaluation.
     *
     * @param step the steps done
     * @param holdout the holdout report
     * @param improved whether it beat every earlier evaluation
     */
    default void onEvaluation(int step, EvaluationReport holdout, boolean improved) {}

    /**
     * A listener that logs through SLF4J: one INFO line per holdout evaluation, the per-step progress at DEBUG.
     *
     * @return the listener
     */
    static ProgressListener logging() {
        return LoggingListener.INSTANCE;
    }

    /** Logs evaluations at INFO and progress at DEBUG, so a run at INFO prints one line per evaluation. */
    final class LoggingListener implements ProgressListener {

        static final LoggingListener INSTANCE = new LoggingListener();
        private static final Logger LOG = LoggerFactory.getLogger(LoggingListener.class);

        private LoggingListener() {}

        @Override
        public void onProgress(TrainingProgress p) {
            if (!LOG.isDebugEnabled()) {
                return;
            }
            LOG.debug(
                    "epoch {}/{} step {}/{} loss {} lr {} {} examples/s elapsed {}s left {}s",
                    p.epoch(),
                    p.epochs(),
                    p.step(),
                    p.totalSteps(),
                    String.format(Locale.ROOT, "%.4f", p.loss()),
                    String.format(Locale.ROOT, "%.2e", p.learningRate()),
                    String.format(Locale.ROOT, "%.1f", p.examplesPerSecond()),
                    p.elapsed().toSeconds(),
                    p.remaining().toSeconds());
        }

        @Override
        public void onEvaluation(int step, EvaluationReport holdout, boolean improved) {
            LOG.info(
                    "step {} holdout accuracy {} macro-F1 {}{}",
                    step,
                    String.format(Locale.ROOT, "%.4f", holdout.accuracy()),
                    String.format(Locale.ROOT, "%.4f", holdout.macroF1()),
                    improved ? " (best so far)" : "");
        }
    }
}
