package io.streamtune.cli.correct;

import io.streamtune.schemas.FeedbackKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kind of a label as written on the command line ({@code --kind}) or in a file's {@code kind} field:
 * {@code correction}, {@code confirmation} or {@code audit}, in any case.
 */
final class KindName {

    /** The names accepted, for help and messages: {@code correction|confirmation|audit}. */
    static final String CHOICES = Arrays.stream(FeedbackKind.values())
            .map(kind -> kind.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining("|"));

    private KindName() {}

    /** The kind of a name, empty when it names none. */
    static Optional<FeedbackKind> parse(String name) {
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(FeedbackKind.values())
                .filter(kind -> kind.name().equals(wanted))
                .findFirst();
    }

    /** What is wrong with a name that names no kind, for a message about {@code where}. */
    static String problem(String where, String name) {
        return where + " must be one of " + CHOICES + " (got '" + name + "')";
    }
}
