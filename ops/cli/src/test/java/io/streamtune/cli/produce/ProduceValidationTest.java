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
    void shouldRefuseAKeyOtherThanTheIdBeforeSendingAnythingNamingTheRule() throws Exception {
        Path events = Files.writeString(folder.resolve("e.csv"), "id,text,customer\nc-1,hello,acme\n");

        CommandRun.Result fromFile =
                CommandRun.run("produce", events.toString(), "--key", "customer", "--bootstrap-servers", "127.0.0.1:1");
        CommandRun.Result fromStdin = CommandRun.withStdin("a text\n", "produce", "-", "--key", "customer");

        String refusal = "streamtune: --key customer: an event's key must be its id (--key id, the default) or absent"
                + " (--key none); the classifier dead-letters an event whose key is not its id (KEY_MISMATCH), and"
                + " the field can go in as an attribute instead"
                + System.lineSeparator();
        assertThat(fromFile.exitCode()).isEqualTo(1);
        assertThat(fromFile.err()).isEqualTo(refusal);
        assertThat(fromStdin.exitCode()).isEqualTo(1);
        assertThat(fromStdin.err()).isEqualTo(refusal);
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
