package io.streamtune.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.demo.loop.StreamedEvent;
import io.streamtune.demo.report.ClassifiedEvent;
import io.streamtune.demo.report.VersionDecision;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SummaryTextTest {

    @Test
    void shouldListEveryWindowWithItsVersionsAndEveryDecisionWithItsTakeover() {
        List<ClassifiedEvent> classified = new ArrayList<>();
        for (int seq = 0; seq < 6; seq++) {
            classified.add(new ClassifiedEvent(seq, "r/" + seq, "pos", seq == 1 ? "neg" : "pos", seq < 4 ? 1 : 2));
        }
        DemoResult result = DemoResult.builder()
                .setRun("r", "sentiment")
                .setStack("127.0.0.1:1", "http://127.0.0.1:2")
                .setStream(List.<StreamedEvent>of())
                .setFiles(new DemoResult.Files(Path.of("s.txt"), Path.of("a.html"), Path.of("a.png")))
                .setElapsed(Duration.ofSeconds(75))
                .optSent(6)
                .optClassified(classified, 3, 0)
                .optVersions(
                        List.of(
                                new VersionDecision(1, "PROMOTED", 0.8, 0.79, Double.NaN, Double.NaN, 200),
                                new VersionDecision(2, "PROMOTED", 0.9, 0.88, 0.85, 0.84, 40),
                                new VersionDecision(3, "REJECTED", 0.7, 0.69, 0.9, 0.89, 42)),
                        2)
                .optCorrections(1, 1)
                .optTestScores(OptionalDouble.of(0.8), OptionalDouble.of(0.85))
                .build();
        DemoSettings settings = DemoSettings.builder()
                .setRepositoryRoot(Path.of("/repo"))
                .optEvents(6)
                .optRate(2.0)
                .optWindow(3)
                .build();

        List<String> lines = SummaryText.render(result, settings);

        assertThat(lines.get(0)).contains("6 events at 2.0/s, 1m15s");
        assertThat(lines).contains("    0-2           0.667      v1", "    3-5           1.000      v1, v2");
        assertThat(lines)
                .anyMatch(line -> line.contains("corrections sent: 1 (1 with text, 0 by id only) for 1 wrong"));
        assertThat(lines)
                .anyMatch(line -> line.startsWith("    v2 PROMOTED")
                        && line.contains("accuracy 0.900 (in service 0.850), macro-F1 0.880 (in service 0.840)")
                        && line.endsWith("served from event 4"));
        assertThat(lines).anyMatch(line -> line.startsWith("    v3 REJECTED") && !line.contains("served from"));
        assertThat(lines).contains("  test split (600 sentences): v1 0.800 -> v2 0.850");
    }
}
