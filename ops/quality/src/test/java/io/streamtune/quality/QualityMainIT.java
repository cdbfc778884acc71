package io.streamtune.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole harness on a small run: real MiniLM fine-tuning on CPU (the fast built-in base, chosen explicitly;
 * one epoch, 32 tokens), the few-labels proxy,
 * 60 streamed events, and so bootstrap plus the final round on the pending corrections.
 */
class QualityMainIT {

    @TempDir
    Path out;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void shouldBootstrapStreamRunTheFinalRoundAndWriteTheReports() throws IOException {
        int exit = QualityMain.run(
                "--proxy",
                "few-labels",
                "--seeds",
                "1",
                "--stream",
                "60",
                "--window",
                "25",
                "--data",
                "../../data/uci_sentiment.jsonl",
                "--out",
                out.toString(),
                "--label",
                "smoke",
                "model.base=all-minilm-l6-v2",
                "training.epochs=1",
                "training.max.length=32");

        assertThat(exit).isZero();
        List<String> curve = Files.readAllLines(out.resolve("smoke/few-labels-seed1-curve.csv"));
        assertThat(curve).hasSize(3);
        assertThat(curve.get(1)).startsWith("0,0,150,BOOTSTRAP,true,1,1,");
        assertThat(curve.get(2)).matches("1,60,1[5-9][0-9],(PROMOTED|REJECTED),.*");
        double v1Accuracy = Double.parseDouble(curve.get(1).split(",", -1)[11]);
        assertThat(v1Accuracy).as("version 1 on the test split (chance 0.5)").isGreaterThan(0.55);
        List<String> windows = Files.readAllLines(out.resolve("smoke/few-labels-seed1-windows.csv"));
        assertThat(windows).hasSize(1 + 3);
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertThat(summary).hasSize(2);
        assertThat(summary.get(1))
                .startsWith(
                        "smoke,model.base=all-minilm-l6-v2 training.epochs=1 training.max.length=32,few-labels,1,60,");
    }
}
