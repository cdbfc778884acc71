package io.streamtune.cli.input;

import io.streamtune.cli.client.CommandException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps the rows whose fields have given values ({@code --where split=test}); no condition keeps every row. */
public final class RowFilter {

    private final Map<String, String> required;

    private RowFilter(Map<String, String> required) {
        this.required = required;
    }

    /**
     * Parses {@code FIELD=VALUE} conditions, all of which must hold.
     *
     * @throws CommandException naming a condition without {@code =}
     */
    public static RowFilter parse(List<String> conditions) {
        Map<String, String> required = new LinkedHashMap<>();
        for (String condition : conditions == null ? List.<String>of() : conditions) {
            int equals = condition.indexOf('=');
            if (equals < 1) {
                throw new CommandException("--where needs FIELD=VALUE, got '" + condition + "'");
            }
            required.put(
                    condition.substring(0, equals).strip(),
                    condition.substring(equals + 1).strip());
        }
        return new RowFilter(Map.copyOf(required));
    }

    public boolean keeps(InputRow row) {
        return required.entrySet().stream()
                .allMatch(entry -> entry.getValue().equals(row.fields().get(entry.getKey())));
    }
}
