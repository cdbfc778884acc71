package io.streamtune.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void shouldShowDoneOfTotalPercentAndRate() {
        AtomicLong clock = new AtomicLong();
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), "produce", 4, clock::get);

        bar.step();
        clock.set(1_000_000_000L);
        bar.step();

        assertThat(bar.line()).isEqualTo("produce [###############...............]  50%  2/4  2/s");
    }

    @Test
    void shouldRedrawInPlaceAtMostEvery200MillisAndEndTheLineWhenFinished() {
        AtomicLong clock = new AtomicLong();
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), "eval", 1000, clock::get);

        for (int i = 0; i < 1000; i++) {
            clock.addAndGet(1_000_000L); // 1 ms per step
            bar.step();
        }
        bar.finish();

        long redraws = text.toString().chars().filter(c -> c == '\r').count();
        assertThat(redraws).isBetween(5L, 7L);
        assertThat(text.toString()).endsWith("100%  1000/1000  1000/s" + System.lineSeparator());
    }

    @Test
    void shouldJumpToTheReportedPositionAndCountTheRateFromWhenTheWorkBegan() {
        AtomicLong clock = new AtomicLong();
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), "fine-tuning", 100, clock::get, 8_000_000_000L);

        clock.set(2_000_000_000L);
        bar.advanceTo(40, "loss 0.5000");
        bar.advanceTo(30, "loss 0.4000");

        assertThat(bar.line()).isEqualTo("fine-tuning [############..................]  40%  40/100  4/s  loss 0.4000");
    }

    @Test
    void shouldShortenTextToOneLine() {
        assertThat(Texts.shorten("a\n b\tc", 10)).isEqualTo("a b c");
        assertThat(Texts.shorten("abcdefghij", 5)).isEqualTo("abcd…");
    }
}
