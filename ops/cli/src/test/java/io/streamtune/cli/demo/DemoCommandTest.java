package io.streamtune.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.demo.DemoSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {

    private static final DemoSettings DEFAULTS = DemoSettings.defaults(Path.of("/repo"));

    private static DemoSettings parse(String... args) {
        DemoCommand command = new DemoCommand();
        new CommandLine(command).parseArgs(args);
        return command.settings(Path.of("/repo"));
    }

    @Test
    void shouldKeepEveryDefaultWhenNoOptionIsGiven() {
        assertThat(parse()).isEqualTo(DEFAULTS);
        assertThat(DEFAULTS.dataDir()).isEqualTo(Path.of("/repo/.streamtune/demo"));
        assertThat(DEFAULTS.dataFile()).isEqualTo(Path.of("/repo/data/uci_sentiment.jsonl"));
    }

    @Test
    void shouldApplyEachOptionToItsSetting() {
        DemoSettings settings = parse(
                "--events",
                "300",
                "--rate",
                "12.5",
                "--window",
                "50",
                "--bootstrap-size",
                "80",
                "--bootstrap-domain",
                "all",
                "--correct-share",
                "0.5",
                "--round-trigger",
                "20",
                "--test-size",
                "0",
                "--epochs",
                "1",
                "--learning-rate",
                "3e-5",
                "--replay-ratio",
                "1",
                "--gate-metric",
                "accuracy",
                "--data-dir",
                "/tmp/d",
                "--data-file",
                "/tmp/f.jsonl",
                "--kafka-port",
                "1",
                "--controller-port",
                "2",
                "--registry-port",
                "3",
                "--keep-stack",
                "--review",
                "--review-port",
                "4");

        assertThat(settings.events()).isEqualTo(300);
        assertThat(settings.rate()).isEqualTo(12.5);
        assertThat(settings.window()).isEqualTo(50);
        assertThat(settings.bootstrapSize()).isEqualTo(80);
        assertThat(settings.bootstrapDomain()).isEqualTo("all");
        assertThat(settings.correctShare()).isEqualTo(0.5);
        assertThat(settings.roundTrigger()).isEqualTo(20);
        assertThat(settings.testSize()).isZero();
        assertThat(settings.training())
                .isEqualTo(new DemoSettings.Training(1, DEFAULTS.training().maxLength(), 3e-5, 42, 1.0, "accuracy"));
        assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/d"));
        assertThat(settings.dataFile()).isEqualTo(Path.of("/tmp/f.jsonl"));
        assertThat(settings.ports()).isEqualTo(new DemoSettings.Ports(1, 2, 3));
        assertThat(settings.keepStack()).isTrue();
        assertThat(settings.reviewPage()).isEqualTo(new DemoSettings.ReviewPage(true, 4));
    }

    @Test
    void shouldRefuseAShareOutsideZeroToOneNamingTheOption() {
        assertThatThrownBy(() -> parse("--correct-share", "1.5")).hasMessageContaining("--correct-share");
        assertThatThrownBy(() -> parse("--rate", "0")).hasMessageContaining("--rate");
        assertThatThrownBy(() -> parse("--review", "--review-port", "70000")).hasMessageContaining("--review-port");
    }

    @Test
    void shouldRefuseAValueOfTheWrongTypeOrAValueForTheFlagNamingTheOption() {
        assertThatThrownBy(() -> parse("--events", "x"))
                .hasMessageContaining("--events")
                .hasMessageContaining("int");
        assertThatThrownBy(() -> parse("--keep-stack", "yes")).hasMessageContaining("yes");
    }
}
