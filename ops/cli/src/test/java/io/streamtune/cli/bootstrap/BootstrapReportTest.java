package io.streamtune.cli.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.model.eval.EvaluationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class BootstrapReportTest {

    @Test
    void shouldPrintPerClassPrecisionRecallF1AndTheConfusionMatrixOfTheHoldout() {
        List<String> labels = List.of("crime", "fantasy", "scifi");
        // crime: 2 right, 1 taken for scifi; fantasy: 2 right; scifi: 1 right, 1 taken for fantasy
        EvaluationReport holdout = EvaluationReport.of(
                labels,
                List.of("crime", "crime", "crime", "fantasy", "fantasy", "scifi", "scifi"),
                List.of("crime", "crime", "scifi", "fantasy", "fantasy", "scifi", "fantasy"));

        String text = BootstrapReport.format("books", 1, labels, 28, holdout, "model-versions");

        assertThat(text.lines().toList())
                .containsExactly(
                        "books version 1: 3 classes (crime, fantasy, scifi), trained on 28 examples, evaluated on 7"
                                + " held out (stratified by label)",
                        "examples 7  accuracy 0.7143  macro-F1 0.7000",
                        "class     precision    recall        f1   support",
                        "crime        1.0000    0.6667    0.8000         3",
                        "fantasy      0.6667    1.0000    0.8000         2",
                        "scifi        0.5000    0.5000    0.5000         2",
                        "true\\pred     crime   fantasy     scifi",
                        "crime             2         0         1",
                        "fantasy           0         2         0",
                        "scifi             0         1         1",
                        "published books version 1 PROMOTED to model-versions");
    }
}
