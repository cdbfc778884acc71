package io.streamtune.cli.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.cli.client.CommandException;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowReaderTest {

    @Test
    void shouldReadJsonLinesWithAttributesAndSkipBlankLines() {
        RowReader reader = reader(InputFormat.JSONL, """
                {"id":"a","text":"hello","eventTime":1700000000000,"attributes":{"lang":"en","n":3}}

                {"id":"b","text":"bye","source":null}
                """);

        InputRow first = reader.next().orElseThrow();
        InputRow second = reader.next().orElseThrow();

        assertThat(first.line()).isEqualTo(1);
        assertThat(first.requiredText("text")).isEqualTo("hello");
        assertThat(first.text("eventTime")).contains("1700000000000");
        assertThat(first.textMap("attributes")).isEqualTo(Map.of("lang", "en", "n", "3"));
        assertThat(second.line()).isEqualTo(3);
        assertThat(second.text("source")).isEmpty();
        assertThat(reader.next()).isEmpty();
    }

    @Test
    void shouldNameFileAndLineOfMalformedJsonAndGoOnAfterIt() {
        RowReader reader =
                reader(InputFormat.JSONL, "{\"text\":\"ok\"}\n{\"text\": \"broken\n[1,2]\n{\"text\":\"last\"}\n");

        reader.next();
        assertThatThrownBy(reader::next)
                .isInstanceOf(BadLineException.class)
                .hasMessageStartingWith("in.txt line 2: not valid JSON");
        assertThatThrownBy(reader::next).hasMessage("in.txt line 3: not a JSON object");
        assertThat(reader.next()).get().extracting(InputRow::line).isEqualTo(4L);
    }

    @Test
    void shouldReadCsvWithQuotedFieldsByHeaderName() {
        RowReader reader = reader(InputFormat.CSV, "id,text,label\n1,\"a, quoted \"\"text\"\"\",pos\n2,plain,\n");

        List<InputRow> rows = all(reader);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).fields())
                .containsEntry("text", "a, quoted \"text\"")
                .containsEntry("label", "pos");
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(1).text("label")).isEmpty();
    }

    @Test
    void shouldNameTheLineOfACsvRowWithTheWrongNumberOfFields() {
        RowReader reader = reader(InputFormat.CSV, "id,text\n1,a\n2,b,extra\n");

        reader.next();
        assertThatThrownBy(reader::next)
                .isInstanceOf(BadLineException.class)
                .hasMessage("in.txt line 3: has 3 fields, the header has 2 [id, text]");
    }

    @Test
    void shouldRefuseAnUnclosedQuote() {
        RowReader reader = reader(InputFormat.CSV, "id,text\n1,\"open\n");

        assertThatThrownBy(reader::next)
                .hasMessageContaining("line 2: not valid CSV")
                .hasMessageContaining("not closed");
    }

    @Test
    void shouldReadPlainLinesAsTexts() {
        RowReader reader = reader(InputFormat.LINES, "first text\n\n  second  \n");

        assertThat(all(reader)).extracting(row -> row.requiredText("text")).containsExactly("first text", "second");
    }

    @Test
    void shouldChooseTheFormatFromTheFileNameAndCountRows(@TempDir Path folder) throws Exception {
        Path csv = Files.writeString(folder.resolve("x.CSV"), "id,text\n1,a\n\n2,b\n");

        assertThat(InputFormat.of(csv)).isEqualTo(InputFormat.CSV);
        assertThat(InputFormat.of(Path.of("x.jsonl"))).isEqualTo(InputFormat.JSONL);
        assertThat(RowReader.countRows(csv, null)).isEqualTo(2);
    }

    @Test
    void shouldSayWhichInputFileIsMissing(@TempDir Path folder) {
        Path missing = folder.resolve("nope.jsonl");

        assertThatThrownBy(() -> RowReader.open(missing, null))
                .isInstanceOf(CommandException.class)
                .hasMessage("input file " + missing + " does not exist");
    }

    private static RowReader reader(InputFormat format, String text) {
        return RowReader.of("in.txt", format, new BufferedReader(new StringReader(text)));
    }

    private static List<InputRow> all(RowReader reader) {
        List<InputRow> rows = new ArrayList<>();
        for (Optional<InputRow> row = reader.next(); row.isPresent(); row = reader.next()) {
            rows.add(row.get());
        }
        return rows;
    }
}
