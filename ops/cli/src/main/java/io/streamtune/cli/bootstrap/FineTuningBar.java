package io.streamtune.cli.bootstrap;

import io.streamtune.cli.console.ProgressBar;
import io.streamtune.model.training.ProgressListener;
import io.streamtune.model.training.TrainingProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a fine-tuning run as a progress bar: steps done of planned, the loss and the time left. The bar starts with
 * the first report (only then is the number of steps known); a run that plans a different number starts a new one.
 */
final class FineTuningBar implements ProgressListener {

    private final PrintWriter err;
    private ProgressBar bar;
    private TrainingProgress last;

    FineTuningBar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void onProgress(TrainingProgress progress) {
        if (bar != null && bar.total() != progress.totalSteps()) {
            bar.finish();
            bar = null;
        }
        if (bar == null) {
            bar = new ProgressBar(err, "fine-tuning", progress.totalSteps(), progress.elapsed());
        }
        bar.advanceTo(progress.step(), detail(progress));
        last = progress;
    }

    static String detail(TrainingProgress progress) {
        return String.format(
                Locale.ROOT,
                "epoch %d/%d  loss %.4f  %d s left",
                progress.epoch(),
                progress.epochs(),
                progress.loss(),
                progress.remaining().toSeconds());
    }

    /** Ends the bar's line, if a bar was drawn; a run that ended before its planned steps says so. */
    void finish() {
        if (bar == null) {
            return;
        }
        if (last.step() < last.totalSteps()) {
            bar.advanceTo(
                    last.step(),
                    String.format(
                            Locale.ROOT,
                            "epoch %d/%d  loss %.4f  stopped early (no better on the early-stopping holdout)",
                            last.epoch(),
                            last.epochs(),
                            last.loss()));
        }
        bar.finish();
        bar = null;
    }
}
