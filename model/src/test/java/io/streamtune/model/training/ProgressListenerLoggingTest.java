package io.streamtune.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.streamtune.model.eval.EvaluationReport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The logging listener prints one INFO line per evaluation; per-step progress is DEBUG only. */
class ProgressListenerLoggingTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ProgressListener.LoggingListener.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level before;

    @BeforeEach
    void attach() {
        before = logger.getLevel();
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
        logger.setLevel(before);
    }

    private static void train(int steps, int evaluateEvery) {
        ProgressListener listener = ProgressListener.logging();
        EvaluationReport holdout = EvaluationReport.of(List.of("a", "b"), List.of("a", "a"));
        for (int step = 1; step <= steps; step++) {
            listener.onProgress(new TrainingProgress(
                    1, 1, step, steps, 0.5, 1e-4, 10.0, Duration.ofSeconds(step), Duration.ofSeconds(steps - step)));
            if (step % evaluateEvery == 0) {
                listener.onEvaluation(step, holdout, step == evaluateEvery);
            }
        }
    }

    @Test
    void shouldLogOneInfoLinePerEvaluationAtInfo() {
        logger.setLevel(Level.INFO);

        train(30, 10);

        assertThat(appender.list).hasSize(3).allSatisfy(e -> assertThat(e.getLevel())
                .isEqualTo(Level.INFO));
        assertThat(appender.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        "step 10 holdout accuracy 0.5000 macro-F1 0.3333 (best so far)",
                        "step 20 holdout accuracy 0.5000 macro-F1 0.3333",
                        "step 30 holdout accuracy 0.5000 macro-F1 0.3333");
    }

    @Test
    void shouldLogEveryStepAtDebug() {
        logger.setLevel(Level.DEBUG);

        train(30, 10);

        assertThat(appender.list).filteredOn(e -> e.getLevel() == Level.DEBUG).hasSize(30);
        assertThat(appender.list).filteredOn(e -> e.getLevel() == Level.INFO).hasSize(3);
    }
}
