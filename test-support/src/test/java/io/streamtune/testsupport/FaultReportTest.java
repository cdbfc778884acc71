package io.streamtune.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultReportTest {

    @TempDir
    Path folder;

    @AfterEach
    void clearProperties() {
        System.clearProperty(FaultReport.FILE_PROPERTY);
        System.clearProperty(FaultReport.SCALE_PROPERTY);
    }

    @Test
    void shouldAppendEachRowToTheConfiguredFileAsOneMarkdownLine() throws Exception {
        Path file = folder.resolve("sub/rows.md");
        System.setProperty(FaultReport.FILE_PROPERTY, file.toString());

        FaultReport.record(new FaultReport.Row("broker a|b", 10, "kill -9\ntwice", 0, 1, 2, "ok"));
        FaultReport.record(new FaultReport.Row("second", 5, "none", 0, 0, 0, ""));

        assertThat(Files.readAllLines(file))
                .containsExactly(
                        "| broker a\\|b | 10 | kill -9 twice | 0 | 1 | 2 | ok |",
                        "| second | 5 | none | 0 | 0 | 0 |  |");
    }

    @Test
    void shouldPickTheShortScaleUnlessFullIsAsked() {
        assertThat(FaultReport.scale().pick(3, 12)).isEqualTo(3);
        System.setProperty(FaultReport.SCALE_PROPERTY, " FULL ");
        assertThat(FaultReport.scale().pick(3, 12)).isEqualTo(12);
        System.setProperty(FaultReport.SCALE_PROPERTY, "huge");
        assertThatThrownBy(FaultReport::scale).hasMessageContaining(FaultReport.SCALE_PROPERTY);
    }
}
