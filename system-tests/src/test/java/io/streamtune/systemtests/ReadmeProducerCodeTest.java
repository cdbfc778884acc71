package io.streamtune.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's Python producer is the code {@link UnkeyedPythonClientLoopIT} runs: its value serializer class is, line
 * for line (blank lines aside), the one in {@code ops/python/streamtune_avro.py}.
 */
class ReadmeProducerCodeTest {

    private static final String CLASS_LINE = "class AvroValueSerializer(Serializer):";

    @Test
    void shouldShowInTheReadmeThePythonSerializerTheTestedScriptUses() throws IOException {
        List<String> readme = classBlock(Path.of("../README.md"));
        List<String> script = classBlock(PythonAvroClient.SCRIPT);

        assertThat(readme).as("the README's class AvroValueSerializer").hasSizeGreaterThan(3);
        assertThat(readme).isEqualTo(script);
    }

    /** The lines of the class, from its first line to the first line that is not indented, blank lines left out. */
    private static List<String> classBlock(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int start = lines.indexOf(CLASS_LINE);
        assertThat(start).as(CLASS_LINE + " in " + file).isNotNegative();
        List<String> block = new ArrayList<>(List.of(CLASS_LINE));
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            if (!line.startsWith(" ")) {
                break;
            }
            block.add(line);
        }
        return block;
    }
}
