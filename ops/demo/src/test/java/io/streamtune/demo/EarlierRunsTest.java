package io.streamtune.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EarlierRunsTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldDeleteTheModelStoresAndStateOfEarlierRunsOnlyAndKeepTheirReports() throws Exception {
        Path earlier = dataDir.resolve("runs/20260101-000000");
        Path current = dataDir.resolve("runs/20260102-000000");
        for (Path run : new Path[] {earlier, current}) {
            Files.createDirectories(run.resolve("models/sentiment/1"));
            Files.writeString(run.resolve("models/sentiment/1/model.safetensors"), "weights");
            Files.createDirectories(run.resolve("state/classifier"));
            Files.writeString(run.resolve("summary.txt"), "summary");
        }

        int pruned = EarlierRuns.prune(dataDir, "20260102-000000");

        assertThat(pruned).isEqualTo(1);
        assertThat(earlier.resolve("models")).doesNotExist();
        assertThat(earlier.resolve("state")).doesNotExist();
        assertThat(earlier.resolve("summary.txt")).exists();
        assertThat(current.resolve("models/sentiment/1/model.safetensors")).exists();
        assertThat(current.resolve("state/classifier")).exists();
    }

    @Test
    void shouldDoNothingWithoutEarlierRuns() throws Exception {
        assertThat(EarlierRuns.prune(dataDir, "x")).isZero();
    }
}
