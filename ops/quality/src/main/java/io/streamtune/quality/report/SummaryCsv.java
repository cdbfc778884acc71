package io.streamtune.quality.report;

import io.streamtune.quality.loop.RunResult;
import io.streamtune.quality.loop.Variant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * {@code summary.csv}: one line per variant, proxy and seed, appended run after run, so variants run at different
 * times can be compared. The header is written when the file is new.
 */
public final class SummaryCsv {

    static final List<String> COLUMNS = List.of(
            "variant",
            "overrides",
            "proxy",
            "seed",
            "streamed",
            "labels_used",
            "v1_acc",
            "v1_f1",
            "final_acc",
            "final_f1",
            "stream_acc",
            "bow_same_labels_acc",
            "bow_same_labels_f1",
            "bow_all_labels_acc",
            "bow_all_labels_f1",
            "rounds_run",
            "rounds_promoted",
            "mean_round_s",
            "bootstrap_s",
            "finished");

    private SummaryCsv() {}

    /** Appends the run's line. */
    public static void append(Path file, Variant variant, RunResult result, Instant finished) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        StringBuilder lines = new StringBuilder();
        if (!Files.exists(file) || Files.size(file) == 0) {
            lines.append(Csv.row(COLUMNS));
        }
        lines.append(Csv.row(row(variant, result, finished)));
        Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static List<String> row(Variant variant, RunResult result, Instant finished) {
        return List.of(
                Csv.text(variant.label()),
                Csv.text(variant.describe()),
                result.proxy(),
                Long.toString(result.seed()),
                Integer.toString(result.streamed()),
                Integer.toString(result.last().labelsUsed()),
                Csv.number(result.bootstrap().test().accuracy()),
                Csv.number(result.bootstrap().test().macroF1()),
                Csv.number(result.last().test().accuracy()),
                Csv.number(result.last().test().macroF1()),
                Csv.number(result.streamAccuracy()),
                Csv.number(result.last().bagOfWords().accuracy()),
                Csv.number(result.last().bagOfWords().macroF1()),
                Csv.number(result.bagOfWordsAllLabels().accuracy()),
                Csv.number(result.bagOfWordsAllLabels().macroF1()),
                Long.toString(result.roundsRun()),
                Long.toString(result.roundsPromoted()),
                Csv.number(result.meanRoundSeconds()),
                Csv.number(result.bootstrap().seconds()),
                finished.toString());
    }
}
