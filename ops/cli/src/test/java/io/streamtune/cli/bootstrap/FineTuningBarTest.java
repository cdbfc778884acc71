package io.streamtune.cli.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.model.training.TrainingProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FineTuningBarTest {

    @Test
    void shouldShowStepsLossAndTimeLeftAndSayWhenTheRunStoppedEarly() {
        StringWriter text = new StringWriter();
        FineTuningBar bar = new FineTuningBar(new PrintWriter(text));

        bar.onProgress(progress(10, 0.6931));
        bar.onProgress(progress(14, 0.5123));
        bar.finish();

        String[] drawn = text.toString().split("\r");
        assertThat(drawn[1])
                .startsWith("fine-tuning [###...........................]  10%  10/100")
                .contains("epoch 1/2  loss 0.6931  90 s left");
        assertThat(drawn[drawn.length - 1])
                .contains("14/100")
                .contains("epoch 1/2  loss 0.5123  stopped early (no better on the early-stopping holdout)")
                .endsWith(System.lineSeparator());
    }

    @Test
    void shouldDrawNothingWhenNoStepWasReported() {
        StringWriter text = new StringWriter();

        new FineTuningBar(new PrintWriter(text)).finish();

        assertThat(text.toString()).isEmpty();
    }

    private static TrainingProgress progress(int step, double loss) {
        Duration elapsed = Duration.ofSeconds(step);
        return new TrainingProgress(1, 2, step, 100, loss, 1e-4, 16.0, elapsed, Duration.ofSeconds(100 - step));
    }
}
