package io.streamtune.cli.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.cli.input.BadLineException;
import io.streamtune.cli.input.InputFormat;
import io.streamtune.cli.input.RowFilter;
import io.streamtune.cli.input.RowReader;
import io.streamtune.trainer.round.Example;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelledRowsTest {

    private static final LabelledRows.Fields DEFAULT = new LabelledRows.Fields("text", "label", "id");

    @Test
    void shouldReadNamedFieldsAndTakeTheSortedDistinctLabelsFromTheData() {
        LabelledRows.Read read = read(
                InputFormat.CSV,
                new LabelledRows.Fields("body", "genre", "id"),
                "id,body,genre\nm1,space opera,scifi\n,a murder,crime\nm3,a dragon, fantasy \nm4,more space,scifi\n");

        assertThat(read.problems()).isEmpty();
        assertThat(read.examples())
                .containsExactly(
                        new Example("m1", "space opera", "scifi"),
                        new Example("data.csv:3", "a murder", "crime"),
                        new Example("m3", "a dragon", "fantasy"),
                        new Example("m4", "more space", "scifi"));
        assertThat(read.labels()).containsExactly("crime", "fantasy", "scifi");
    }

    @Test
    void shouldReportEveryBadRowWithItsLineAndKeepTheGoodOnes() {
        LabelledRows.Read read = read(InputFormat.JSONL, DEFAULT, """
                {"id":"a","text":"fine","label":"pos"}
                {"id":"b","label":"pos"}
                {"id":"c","text":"no label"}
                {"id":"d","text":"   ","label":"neg"}
                {oops
                {"id":"a","text":"again","label":"neg"}
                {"id":"f","text":"comma","label":"a,b"}
                {"id":"g","text":"ok","label":"neg"}
                """);

        assertThat(read.examples()).extracting(Example::eventId).containsExactly("a", "g");
        assertThat(read.problems())
                .extracting(BadLineException::getMessage)
                .containsExactly(
                        "data.csv line 2: missing field 'text'",
                        "data.csv line 3: missing field 'label'",
                        "data.csv line 4: field 'text' is blank",
                        "data.csv line 5: not valid JSON: Unexpected character ('o' (code 111)): was expecting"
                                + " double-quote to start field name",
                        "data.csv line 6: id 'a' is already the id of line 1",
                        "data.csv line 7: label 'a,b' has a comma or a control character (model.labels is a"
                                + " comma-separated list)");
    }

    @Test
    void shouldReadOnlyTheRowsTheFilterKeeps() {
        LabelledRows.Read read = read(
                InputFormat.CSV,
                DEFAULT,
                "text,label,split\na,x,stream\nb,y,test\n,,test\nc,y,stream\n",
                RowFilter.parse(List.of("split=stream")));

        assertThat(read.examples()).extracting(Example::text).containsExactly("a", "c");
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void shouldStopAtABadCsvHeaderSinceNoRowCanBeRead() {
        assertThatThrownBy(() -> read(InputFormat.CSV, DEFAULT, "text,text\na,b\n"))
                .isInstanceOf(BadLineException.class)
                .hasMessageContaining("data.csv line 1: the CSV header must name every column once");
    }

    private static LabelledRows.Read read(InputFormat format, LabelledRows.Fields fields, String text) {
        return read(format, fields, text, RowFilter.parse(null));
    }

    private static LabelledRows.Read read(
            InputFormat format, LabelledRows.Fields fields, String text, RowFilter filter) {
        RowReader rows = RowReader.of("data.csv", format, new BufferedReader(new StringReader(text)));
        return LabelledRows.read(rows, fields, filter);
    }
}
