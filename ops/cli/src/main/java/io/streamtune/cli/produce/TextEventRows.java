package io.streamtune.cli.produce;

import io.streamtune.cli.input.InputRow;
import io.streamtune.schemas.TextEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns a row into a {@link TextEvent}: {@code text} is required; {@code id} (generated when absent), {@code source}
 * or {@code domain} (else the default source), {@code eventTime} (ISO-8601 or epoch milliseconds, else now) and
 * {@code attributes} (a JSON object) are optional. Every other field (a CSV column, a JSON text field) becomes an
 * attribute.
 */
final class TextEventRows {

    private static final Set<String> KNOWN_FIELDS = Set.of("id", "text", "source", "domain", "eventTime", "attributes");

    private final String defaultSource;
    private final Supplier<Instant> clock;
    private final Supplier<String> ids;

    TextEventRows(String defaultSource, Supplier<Instant> clock, Supplier<String> ids) {
        this.defaultSource = defaultSource;
        this.clock = clock;
        this.ids = ids;
    }

    static TextEventRows withRandomIds(String defaultSource) {
        return new TextEventRows(
                defaultSource, Instant::now, () -> UUID.randomUUID().toString());
    }

    /** @throws io.streamtune.cli.input.BadLineException when the row has no text or a bad value */
    TextEvent toEvent(InputRow row) {
        String text = row.requiredText("text");
        if (text.isBlank()) {
            throw row.bad("field 'text' is blank");
        }
        return TextEvent.newBuilder()
                .setId(row.text("id").orElseGet(ids))
                .setText(text)
                .setSource(row.text("source").or(() -> row.text("domain")).orElse(defaultSource))
                .setEventTime(row.text("eventTime")
                        .map(value -> eventTime(row, value))
                        .orElseGet(clock))
                .setAttributes(attributes(row))
                .build();
    }

    private static Map<String, String> attributes(InputRow row) {
        Map<String, String> attributes = new HashMap<>(row.textMap("attributes"));
        row.fields().forEach((name, value) -> {
            if (!KNOWN_FIELDS.contains(name) && value instanceof String text) {
                attributes.put(name, text);
            }
        });
        return attributes;
    }

    static Instant eventTime(InputRow row, String value) {
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw row.bad("eventTime '" + value + "' is too large for epoch milliseconds");
            }
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw row.bad("eventTime '" + value
                    + "' is neither an ISO-8601 time (2024-05-01T12:00:00Z) nor epoch milliseconds");
        }
    }
}
