package io.streamtune.cli.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamtune.cli.client.CommandException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the rows of a JSON Lines or CSV file one at a time. Blank lines are skipped. A line that cannot be read
 * raises a {@link BadLineException}; reading may go on after it with the next line.
 */
public final class RowReader implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final InputFormat format;
    private final BufferedReader reader;
    private List<String> header;
    private long line;

    private RowReader(String name, InputFormat format, BufferedReader reader) {
        this.name = name;
        this.format = format;
        this.reader = reader;
    }

    /**
     * Opens a file.
     *
     * @param format the format, or null to choose it from the file name
     * @throws CommandException when the file does not exist or cannot be read
     */
    public static RowReader open(Path file, InputFormat format) {
        try {
            return new RowReader(
                    file.toString(),
                    format == null ? InputFormat.of(file) : format,
                    Files.newBufferedReader(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new CommandException("input file " + file + " does not exist");
        } catch (IOException e) {
            throw new CommandException("cannot read input file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads rows from any reader, e.g. in tests. */
    public static RowReader of(String name, InputFormat format, BufferedReader reader) {
        return new RowReader(name, format, reader);
    }

    /**
     * Counts the rows of a file (non-blank lines, less the CSV header), for a progress bar.
     *
     * @throws CommandException when the file cannot be read
     */
    public static long countRows(Path file, InputFormat format) {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            long count = lines.filter(text -> !text.isBlank()).count();
            return (format == null ? InputFormat.of(file) : format) == InputFormat.CSV ? Math.max(0, count - 1) : count;
        } catch (NoSuchFileException e) {
            throw new CommandException("input file " + file + " does not exist");
        } catch (IOException | UncheckedIOException e) {
            throw new CommandException("cannot read input file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The next row, or empty at the end of the file.
     *
     * @throws BadLineException when the next non-blank line cannot be read as a row
     */
    public Optional<InputRow> next() {
        String text = nextNonBlankLine();
        if (text != null && format == InputFormat.CSV && header == null) {
            header = readHeader(text);
            text = nextNonBlankLine();
        }
        if (text == null) {
            return Optional.empty();
        }
        return Optional.of(new InputRow(name, line, fields(text)));
    }

    /**
     * Whether the rows cannot be read at all: a CSV file whose header line was bad (the lines after it have no
     * column names), so going on after a {@link BadLineException} makes no sense.
     */
    public boolean headerMissing() {
        return format == InputFormat.CSV && header == null;
    }

    /** The number of the line read last. */
    public long line() {
        return line;
    }

    private String nextNonBlankLine() {
        try {
            String text;
            do {
                text = reader.readLine();
                if (text == null) {
                    return null;
                }
                line++;
            } while (text.isBlank());
            return line == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new CommandException("cannot read " + name + " after line " + line + ": " + e.getMessage(), e);
        }
    }

    private List<String> readHeader(String text) {
        try {
            List<String> names = CsvLine.split(text).stream().map(String::trim).toList();
            if (names.stream().anyMatch(String::isEmpty)
                    || names.stream().distinct().count() != names.size()) {
                throw bad("the CSV header must name every column once: " + text);
            }
            return names;
        } catch (IllegalArgumentException e) {
            throw bad("the CSV header cannot be read: " + e.getMessage());
        }
    }

    private Map<String, Object> fields(String text) {
        return switch (format) {
            case CSV -> csvFields(text);
            case JSONL -> jsonFields(text);
            case LINES -> Map.of("text", text.strip());
        };
    }

    private Map<String, Object> csvFields(String text) {
        List<String> values;
        try {
            values = CsvLine.split(text);
        } catch (IllegalArgumentException e) {
            throw bad("not valid CSV: " + e.getMessage());
        }
        if (values.size() != header.size()) {
            throw bad("has " + values.size() + " fields, the header has " + header.size() + " " + header);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isEmpty()) {
                fields.put(header.get(i), values.get(i));
            }
        }
        return fields;
    }

    private Map<String, Object> jsonFields(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw bad("not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw bad("not a JSON object");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (value.isObject()) {
                fields.put(field.getKey(), textMap(field.getKey(), value));
            } else if (value.isArray()) {
                throw bad("field '" + field.getKey() + "' is an array; expected text");
            } else if (!value.isNull() && !value.asText().isEmpty()) {
                fields.put(field.getKey(), value.asText());
            }
        }
        return fields;
    }

    private Map<String, String> textMap(String name, JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (entry.getValue().isContainerNode()) {
                throw bad("field '" + name + "." + entry.getKey() + "' must be text");
            }
            if (!entry.getValue().isNull()) {
                map.put(entry.getKey(), entry.getValue().asText());
            }
        }
        return map;
    }

    private BadLineException bad(String problem) {
        return new BadLineException(name, line, problem);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
