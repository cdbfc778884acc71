package io.streamtune.cli.produce;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.cli.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes caught before any client exists. */
class ProduceValidationTest {

    @TempDir
    Path folder;

    @Test
    void shouldRefuseAKeyFieldForStdinWhichHasOnlyTexts() {
        CommandRun.Result result = CommandRun.withStdin("a text\n", "produce", "-", "--key", "customer");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .isEqualTo("streamtune: --key customer needs a file with fields; stdin has only texts"
                        + System.lineSeparator());
    }

    @Test
    void shouldNameTheKeyOfAnInvalidSettingInTheConfigFileBeforeSendingAnything() throws Exception {
        Path events = Files.writeString(folder.resolve("e.jsonl"), "{\"text\":\"a\"}\n");
        Path config = Files.writeString(folder.resolve("client.properties"), "acks=maybe\n");

        CommandRun.Result result = CommandRun.run("produce", events.toString(), "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .startsWith("streamtune: invalid setting in config file " + config)
                .contains("acks")
                .doesNotContain("produce [");
    }
}
