package io.streamtune.quality.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.quality.loop.CurvePoint;
import io.streamtune.quality.loop.Outcome;
import io.streamtune.quality.loop.RunResult;
import io.streamtune.quality.loop.Score;
import io.streamtune.quality.loop.StreamWindow;
import io.streamtune.quality.loop.Variant;
import io.streamtune.review.accuracy.VersionAccuracy;
import io.streamtune.review.accuracy.Wilson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTest {

    private static final Variant VARIANT = new Variant("lr", Map.of("training.learning.rate", "1e-4"));

    @TempDir
    Path folder;

    @Test
    void shouldAppendOneLinePerRunUnderOneHeader() throws IOException {
        Path file = folder.resolve("summary.csv");

        SummaryCsv.append(file, VARIANT, run(1, 0.70, 0.80), Instant.EPOCH);
        SummaryCsv.append(file, VARIANT, run(2, 0.72, 0.84), Instant.EPOCH);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("variant,overrides,proxy,seed,");
        assertThat(lines.get(1))
                .startsWith("lr,training.learning.rate=1e-4,few-labels,1,200,250,0.7000,0.6900,0.8000,0.7900,");
        assertThat(lines.get(2).split(",", -1)).hasSameSizeAs(SummaryCsv.COLUMNS);
    }

    @Test
    void shouldWriteTheCurveAndTheWindowsOfARun() throws IOException {
        RunFiles.write(folder, run(1, 0.70, 0.80));

        List<String> curve = Files.readAllLines(folder.resolve("few-labels-seed1-curve.csv"));
        List<String> windows = Files.readAllLines(folder.resolve("few-labels-seed1-windows.csv"));
        assertThat(curve).hasSize(3);
        assertThat(curve.get(1)).startsWith("0,0,150,BOOTSTRAP,true,1,1,");
        assertThat(curve.get(2)).startsWith("1,200,250,PROMOTED,true,2,2,");
        assertThat(windows).containsExactly(String.join(",", RunFiles.WINDOW_COLUMNS), "0,0,200,0.7500,150,50,1");
    }

    @Test
    void shouldWriteEachVersionsAuditedAccuracyBesideItsTestAccuracy() throws IOException {
        RunResult plain = run(1, 0.70, 0.80);
        VersionAccuracy audit = new VersionAccuracy("m", 2, 20, 0.85, Wilson.of(17, 20), 0.8, Map.of());
        RunResult audited = new RunResult(
                plain.proxy(),
                plain.seed(),
                plain.streamed(),
                plain.streamCorrect(),
                plain.curve(),
                plain.windows(),
                plain.bagOfWordsAllLabels(),
                Map.of(2L, audit));

        RunFiles.write(folder, audited);

        List<String> curve = Files.readAllLines(folder.resolve("few-labels-seed1-curve.csv"));
        int n = RunFiles.CURVE_COLUMNS.indexOf("audit_n");
        assertThat(RunFiles.CURVE_COLUMNS.subList(n, n + 4))
                .containsExactly("audit_n", "audit_acc", "audit_low", "audit_high");
        assertThat(List.of(curve.get(1).split(",", -1)).subList(n, n + 4)).containsExactly("0", "", "", "");
        Wilson interval = Wilson.of(17, 20);
        assertThat(List.of(curve.get(2).split(",", -1)).subList(n, n + 4))
                .containsExactly("20", "0.8500", Csv.number(interval.low()), Csv.number(interval.high()));
        assertThat(curve.get(2).split(",", -1)).hasSameSizeAs(RunFiles.CURVE_COLUMNS);
    }

    @Test
    void shouldPrintTheMinToMaxOverSeedsPerProxy() {
        String table = SummaryTable.render(VARIANT, List.of(run(1, 0.70, 0.80), run(2, 0.72, 0.84)));

        assertThat(table)
                .contains("### few-labels: variant lr (training.learning.rate=1e-4), seeds 1,2")
                .contains("| v1 test acc / F1 | 0.700-0.720 / 0.690-0.710 |")
                .contains("| final test acc / F1 | 0.800-0.840 / 0.790-0.830 |")
                .contains("| rounds promoted / run | 1 / 1 |");
    }

    private static RunResult run(long seed, double first, double last) {
        CurvePoint bootstrap = point(0, 0, 150, Outcome.BOOTSTRAP, 1, first);
        CurvePoint round = point(1, 200, 250, Outcome.PROMOTED, 2, last);
        return new RunResult(
                "few-labels",
                seed,
                200,
                150,
                List.of(bootstrap, round),
                List.of(new StreamWindow(0, 0, 200, 150, 50, 1)),
                new Score(0.82, 0.81));
    }

    private static CurvePoint point(int step, int streamed, int labels, Outcome outcome, long version, double acc) {
        Score score = new Score(acc, acc - 0.01);
        return new CurvePoint(
                step,
                streamed,
                labels,
                outcome,
                version,
                version,
                100,
                0.8,
                0.7,
                12.5,
                score,
                score,
                score,
                score,
                java.util.Map.of());
    }
}
