package io.streamtune.cli.input;

import java.util.Map;
import java.util.Optional;

/**
 * One record of an input file: field name to a text value, or to a map of texts for a JSON object field.
 *
 * @param file the file name as the user gave it
 * @param line the 1-based line number
 * @param fields the fields present (absent, null and empty fields are left out)
 */
public record InputRow(String file, long line, Map<String, Object> fields) {

    /** A text field, if present. */
    public Optional<String> text(String name) {
        Object value = fields.get(name);
        if (value instanceof Map) {
            throw bad("field '" + name + "' must be text, not an object");
        }
        return Optional.ofNullable((String) value);
    }

    /** A text field that must be present. */
    public String requiredText(String name) {
        return text(name).orElseThrow(() -> bad("missing field '" + name + "'"));
    }

    /** An object field of texts (JSON); empty when absent. */
    @SuppressWarnings("unchecked")
    public Map<String, String> textMap(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw bad("field '" + name + "' must be an object of texts");
        }
        return (Map<String, String>) value;
    }

    /** The error for this line. */
    public BadLineException bad(String problem) {
        return new BadLineException(file, line, problem);
    }
}
