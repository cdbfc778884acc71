package io.streamtune.cli.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.cli.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that need no cluster: they fail before any client is created (nothing is trained or published). */
class BootstrapValidationTest {

    private static final String NO_BROKER = "127.0.0.1:1";

    @TempDir
    Path folder;

    @Test
    void shouldRequireTheDataFileAndTheModelName() {
        CommandRun.Result noModel = CommandRun.run("bootstrap", "--data", "x.csv");
        CommandRun.Result noData = CommandRun.run("bootstrap", "--model", "m");

        assertThat(noModel.exitCode()).isEqualTo(2);
        assertThat(noModel.err()).contains("Missing required option: '--model=NAME'");
        assertThat(noData.exitCode()).isEqualTo(2);
        assertThat(noData.err()).contains("Missing required option: '--data=FILE'");
    }

    @Test
    void shouldNameEveryBadRowByFileAndLineAndPublishNothing() throws Exception {
        Path file = Files.writeString(
                folder.resolve("genres.csv"), "text,genre\nspace,scifi\n,crime\n\"open,fantasy\nmurder,\n");

        CommandRun.Result result = CommandRun.run(
                "bootstrap", "--data", file.toString(), "--model", "m", "--label-field", "genre", "-b", NO_BROKER);

        assertThat(result.exitCode()).as(result.printed()).isEqualTo(1);
        assertThat(result.err())
                .contains(file + " line 3: missing field 'text'")
                .contains(file + " line 4: not valid CSV")
                .contains(file + " line 5: missing field 'genre'")
                .contains("3 bad rows in " + file + " (first: line 3): nothing was trained or published; fix them,"
                        + " or pass --skip-bad to leave them out");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void shouldRefuseDataWithFewerThanTwoLabels() throws Exception {
        Path file = Files.writeString(folder.resolve("one.jsonl"), "{\"text\":\"a\",\"label\":\"x\"}\n");
        Path empty = Files.writeString(folder.resolve("empty.jsonl"), "\n");

        CommandRun.Result one = CommandRun.run("bootstrap", "--data", file.toString(), "--model", "m");
        CommandRun.Result none = CommandRun.run("bootstrap", "--data", empty.toString(), "--model", "m");

        assertThat(one.exitCode()).isEqualTo(1);
        assertThat(one.err())
                .contains("streamtune: " + file + " has only the label 'x': a classifier needs at least two labels");
        assertThat(none.err()).contains(empty + " has no examples: a classifier needs at least two labels");
    }

    @Test
    void shouldRefuseTheLabelsLeftWhenSkippingBadRowsLeavesFewerThanTwo() throws Exception {
        Path file = Files.writeString(
                folder.resolve("mixed.jsonl"), "{\"text\":\"a\",\"label\":\"x\"}\n{\"text\":\"b\"}\n");

        CommandRun.Result result =
                CommandRun.run("bootstrap", "--data", file.toString(), "--model", "m", "--skip-bad", "-b", NO_BROKER);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains("skipped " + file + " line 2: missing field 'label'")
                .contains("has only the label 'x'");
    }

    @Test
    void shouldNameAMissingFile() {
        CommandRun.Result result = CommandRun.run("bootstrap", "--data", "no/such.csv", "--model", "m");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("input file no/such.csv does not exist");
    }
}
