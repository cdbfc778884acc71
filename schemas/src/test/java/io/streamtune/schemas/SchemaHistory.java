package io.streamtune.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/** The committed contracts: today's schemas in src/main/avro and every earlier version in src/main/avro-history. */
final class SchemaHistory {

    static final Path CURRENT_DIR = Path.of("src/main/avro");
    static final Path HISTORY_DIR = Path.of("src/main/avro-history");
    private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");

    private SchemaHistory() {}

    /** The record names that have a current schema, e.g. {@code TextEvent}. */
    static List<String> contracts() {
        try (Stream<Path> files = Files.list(CURRENT_DIR)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".avsc"))
                    .map(name -> name.substring(0, name.length() - ".avsc".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Schema current(String contract) {
        return parse(CURRENT_DIR.resolve(contract + ".avsc"));
    }

    /** Every committed version of the contract, oldest first. */
    static List<Version> versions(String contract) {
        Path dir = HISTORY_DIR.resolve(contract);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(SchemaHistory::version)
                    .sorted(Comparator.comparingInt(Version::number))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Version version(Path file) {
        Matcher matcher = VERSION_FILE.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalStateException("history files must be named vN.avsc: " + file);
        }
        return new Version(Integer.parseInt(matcher.group(1)), parse(file), file);
    }

    /** One committed version of a contract. */
    record Version(int number, Schema schema, Path file) {}
}
