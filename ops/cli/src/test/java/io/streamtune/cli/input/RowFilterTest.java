package io.streamtune.cli.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowFilterTest {

    private static final InputRow TEST_ROW = new InputRow("f", 1, Map.of("split", "test", "domain", "yelp"));

    @Test
    void shouldKeepRowsWhereEveryConditionHolds() {
        assertThat(RowFilter.parse(List.of("split=test")).keeps(TEST_ROW)).isTrue();
        assertThat(RowFilter.parse(List.of("split=test", "domain=imdb")).keeps(TEST_ROW))
                .isFalse();
        assertThat(RowFilter.parse(List.of("label=pos")).keeps(TEST_ROW)).isFalse();
        assertThat(RowFilter.parse(null).keeps(TEST_ROW)).isTrue();
    }

    @Test
    void shouldNameAConditionWithoutEquals() {
        assertThatThrownBy(() -> RowFilter.parse(List.of("split")))
                .hasMessage("--where needs FIELD=VALUE, got 'split'");
    }
}
