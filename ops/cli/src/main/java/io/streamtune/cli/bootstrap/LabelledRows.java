package io.streamtune.cli.bootstrap;

import io.streamtune.cli.input.BadLineException;
import io.streamtune.cli.input.InputRow;
import io.streamtune.cli.input.RowFilter;
import io.streamtune.cli.input.RowReader;
import io.streamtune.trainer.round.Example;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The labelled examples of a bootstrap file, every row checked: a text and a label in the named fields, an id
 * ({@code --id-field}, else the file name and line) no other row has. A row that fails is kept as a
 * {@link BadLineException} naming its file and line, and reading goes on, so every bad row is reported at once.
 */
final class LabelledRows {

    /** The longest label accepted (as for corrections with a new label). */
    static final int MAX_LABEL_LENGTH = 100;

    /**
     * The names of the fields read.
     *
     * @param text the text
     * @param label the label
     * @param id the event id; a row without it gets {@code <file name>:<line>}
     */
    record Fields(String text, String label, String id) {}

    /**
     * What a file held.
     *
     * @param examples the good rows, in file order
     * @param problems the bad rows, in file order
     */
    record Read(List<Example> examples, List<BadLineException> problems) {

        /** The distinct labels of the good rows, sorted: the model's classes in output order. */
        List<String> labels() {
            return List.copyOf(
                    new TreeSet<>(examples.stream().map(Example::label).toList()));
        }
    }

    private final Fields fields;
    private final RowFilter filter;
    private final List<Example> examples = new ArrayList<>();
    private final List<BadLineException> problems = new ArrayList<>();
    private final Map<String, Long> idLines = new HashMap<>();

    private LabelledRows(Fields fields, RowFilter filter) {
        this.fields = fields;
        this.filter = filter;
    }

    /**
     * Reads every row.
     *
     * @throws BadLineException when the file cannot be read on at all (a bad CSV header)
     */
    static Read read(RowReader rows, Fields fields, RowFilter filter) {
        LabelledRows read = new LabelledRows(fields, filter);
        while (true) {
            try {
                Optional<InputRow> row = rows.next();
                if (row.isEmpty()) {
                    return new Read(List.copyOf(read.examples), List.copyOf(read.problems));
                }
                if (filter.keeps(row.get())) {
                    read.examples.add(read.example(row.get()));
                }
            } catch (BadLineException e) {
                if (rows.headerMissing()) {
                    throw e;
                }
                read.problems.add(e);
            }
        }
    }

    private Example example(InputRow row) {
        String text = row.text(fields.text()).orElseThrow(() -> row.bad("missing field '" + fields.text() + "'"));
        if (text.isBlank()) {
            throw row.bad("field '" + fields.text() + "' is blank");
        }
        String label = label(row);
        String id = row.text(fields.id())
                .map(String::strip)
                .orElse(Path.of(row.file()).getFileName() + ":" + row.line());
        Long first = idLines.putIfAbsent(id, row.line());
        if (first != null) {
            throw row.bad("id '" + id + "' is already the id of line " + first);
        }
        return new Example(id, text, label);
    }

    private String label(InputRow row) {
        String label = row.text(fields.label())
                .map(String::strip)
                .orElseThrow(() -> row.bad("missing field '" + fields.label() + "'"));
        if (label.isEmpty()) {
            throw row.bad("field '" + fields.label() + "' is blank");
        }
        if (label.length() > MAX_LABEL_LENGTH) {
            throw row.bad("label is longer than " + MAX_LABEL_LENGTH + " characters");
        }
        if (label.contains(",") || label.chars().anyMatch(Character::isISOControl)) {
            throw row.bad("label '" + label + "' has a comma or a control character (model.labels is a"
                    + " comma-separated list)");
        }
        return label;
    }
}
