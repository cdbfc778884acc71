package io.streamtune.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.demo.loop.StreamedEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoResultTest {

    private static DemoResult.Builder named() {
        return DemoResult.builder()
                .setRun("r", "sentiment")
                .setStack("127.0.0.1:1", "http://127.0.0.1:2")
                .setStream(List.<StreamedEvent>of())
                .setFiles(DemoResult.Files.in(Path.of("runs/r")))
                .setElapsed(Duration.ofSeconds(3));
    }

    @Test
    void shouldDescribeARunWhoseLoopNeverStartedWhenOnlyTheRequiredValuesAreSet() {
        DemoResult result = named().build();

        assertThat(result.sent()).isZero();
        assertThat(result.classified()).isEmpty();
        assertThat(result.windows()).isEmpty();
        assertThat(result.takeovers()).isEmpty();
        assertThat(result.decisions()).isEmpty();
        assertThat(result.servedAtEnd()).isEqualTo(1);
        assertThat(result.corrections()).isZero();
        assertThat(result.testBefore()).isEmpty();
        assertThat(result.testAfter()).isEmpty();
        assertThat(result.cancelled()).isFalse();
        assertThat(result.files().png()).isEqualTo(Path.of("runs/r/accuracy.png"));
    }

    @Test
    void shouldRefuseAMissingRequiredValueNamingIt() {
        assertThatThrownBy(() -> named().setElapsed(null).build()).hasMessage("elapsed is required");
        assertThatThrownBy(() -> named().setRun(null, "sentiment").build()).hasMessage("runId is required");
    }
}
