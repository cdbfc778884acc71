package io.streamtune.cli.produce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamtune.cli.input.BadLineException;
import io.streamtune.cli.input.InputRow;
import io.streamtune.schemas.TextEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextEventRowsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final TextEventRows rows = new TextEventRows("cli", () -> NOW, () -> "generated");

    @Test
    void shouldTakeEveryFieldOfTheRow() {
        TextEvent event = rows.toEvent(row(
                "id", "e-1",
                "text", "hello",
                "source", "mail",
                "eventTime", "2024-05-01T12:00:00Z",
                "attributes", Map.of("lang", "en")));

        assertThat(event.getId()).isEqualTo("e-1");
        assertThat(event.getText()).isEqualTo("hello");
        assertThat(event.getSource()).isEqualTo("mail");
        assertThat(event.getEventTime()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(event.getAttributes()).isEqualTo(Map.of("lang", "en"));
    }

    @Test
    void shouldGenerateWhatIsMissingAndTakeDomainAsSourceAndOtherFieldsAsAttributes() {
        TextEvent event =
                rows.toEvent(row("text", "hi", "domain", "support", "eventTime", "1700000000000", "lang", "de"));

        assertThat(event.getId()).isEqualTo("generated");
        assertThat(event.getSource()).isEqualTo("support");
        assertThat(event.getEventTime()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(event.getAttributes()).isEqualTo(Map.of("lang", "de"));
        assertThat(rows.toEvent(row("text", "x")).getSource()).isEqualTo("cli");
        assertThat(rows.toEvent(row("text", "x")).getEventTime()).isEqualTo(NOW);
    }

    @Test
    void shouldNameTheLineOfAMissingTextOrABadEventTime() {
        assertThatThrownBy(() -> rows.toEvent(row("id", "1")))
                .isInstanceOf(BadLineException.class)
                .hasMessage("f.jsonl line 7: missing field 'text'");
        assertThatThrownBy(() -> rows.toEvent(row("text", "x", "eventTime", "yesterday")))
                .hasMessageStartingWith("f.jsonl line 7: eventTime 'yesterday' is neither an ISO-8601 time");
        assertThatThrownBy(() -> rows.toEvent(row("text", "  "))).hasMessage("f.jsonl line 7: field 'text' is blank");
    }

    @Test
    void shouldKeyByTheIdOrByNothing() {
        TextEvent event = rows.toEvent(row("id", "e-9", "text", "x", "customer", "c-1"));

        assertThat(KeyChoice.parse("id").keyOf(event)).isEqualTo("e-9");
        assertThat(KeyChoice.parse("none").keyOf(event)).isNull();
    }

    private static InputRow row(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new InputRow("f.jsonl", 7, fields);
    }
}
