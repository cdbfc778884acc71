package io.streamtune.cli.correct;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.cli.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that need no cluster: they fail before any client is created (nothing is sent). */
class CorrectValidationTest {

    @TempDir
    Path folder;

    @Test
    void shouldNameEveryUnknownLabelWithItsLineAndTheKnownLabels() throws Exception {
        Path file = Files.writeString(
                folder.resolve("fixes.csv"), "eventId,label\ne-1,pos\ne-2,positive\n\ne-4,neg\ne-5,x\n");

        CommandRun.Result result =
                CommandRun.run("correct", "--file", file.toString(), "--labels", "neg,pos", "-b", "127.0.0.1:1");

        assertThat(result.exitCode()).as(result.printed()).isEqualTo(1);
        assertThat(result.err())
                .contains(file + ": unknown label 'positive' on line 3 (known: neg,pos)")
                .contains(file + ": unknown label 'x' on line 6 (known: neg,pos)")
                .contains("Nothing was sent (2 bad lines; labels of --labels).");
    }

    @Test
    void shouldReportMalformedLinesAndMissingFieldsTogether() throws Exception {
        Path file = Files.writeString(
                folder.resolve("fixes.jsonl"), "{\"eventId\":\"a\",\"label\":\"pos\"}\n{\"label\":\"pos\"}\n{oops\n");

        CommandRun.Result result =
                CommandRun.run("correct", "--file", file.toString(), "--labels", "neg,pos", "-b", "127.0.0.1:1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains(file + " line 2: missing field 'eventId'")
                .contains(file + " line 3: not valid JSON");
    }

    @Test
    void shouldRefuseAnUnknownLabelOfASingleCorrection() {
        CommandRun.Result result = CommandRun.run("correct", "e-1", "maybe", "--labels", "neg,pos");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .isEqualTo("streamtune: unknown label 'maybe' (known: neg,pos) for --labels" + System.lineSeparator());
    }

    @Test
    void shouldRefuseAnUnknownKindNamingTheOptionOrTheFieldAndItsLine() throws Exception {
        Path file = Files.writeString(
                folder.resolve("kinds.csv"), "eventId,label,kind\ne-1,pos,Confirmation\ne-2,neg,guess\ne-3,pos,\n");

        CommandRun.Result option = CommandRun.run("correct", "e-1", "pos", "--kind", "maybe", "--labels", "neg,pos");
        CommandRun.Result row =
                CommandRun.run("correct", "--file", file.toString(), "--labels", "neg,pos", "-b", "127.0.0.1:1");

        assertThat(option.exitCode()).isEqualTo(1);
        assertThat(option.err())
                .isEqualTo("streamtune: --kind must be one of correction|confirmation|audit (got 'maybe')"
                        + System.lineSeparator());
        assertThat(row.exitCode()).isEqualTo(1);
        assertThat(row.err())
                .contains(file + " line 3: field 'kind' must be one of correction|confirmation|audit (got 'guess')")
                .contains("Nothing was sent (1 bad line");
    }

    @Test
    void shouldNameAMissingFileAndAMissingConfigFile() {
        Path missing = folder.resolve("none.csv");

        assertThat(CommandRun.run("correct", "--file", missing.toString(), "--labels", "a")
                        .err())
                .isEqualTo("streamtune: input file " + missing + " does not exist" + System.lineSeparator());
        assertThat(CommandRun.run("produce", missing.toString()).err())
                .contains("input file " + missing + " does not exist");
        assertThat(CommandRun.run("tail", "--config", missing.toString()).err())
                .contains("config file " + missing + " does not exist");
    }

    @Test
    void shouldRefuseBothASingleCorrectionAndAFile() throws Exception {
        Path file = Files.writeString(folder.resolve("c.csv"), "eventId,label\na,pos\n");

        CommandRun.Result result =
                CommandRun.run("correct", "e-1", "pos", "--file", file.toString(), "--labels", "pos");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("give either EVENT_ID LABEL or --file, not both");
    }
}
