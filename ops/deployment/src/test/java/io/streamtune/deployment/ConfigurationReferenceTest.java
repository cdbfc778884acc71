package io.streamtune.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration reference is the one generated from the definitions. Run with
 * {@code -Dstreamtune.regenerate=true} to rewrite it after changing a key.
 */
class ConfigurationReferenceTest {

    private static final Path README = ComposeFile.ROOT.resolve("README.md");

    @Test
    void shouldMatchTheReferenceGeneratedFromTheDefinitions() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf(ConfigurationReference.START);
        int end = readme.indexOf(ConfigurationReference.END);
        assertThat(start)
                .as("README.md has the generated reference's start marker")
                .isNotNegative();
        assertThat(end).as("README.md has the generated reference's end marker").isGreaterThan(start);
        String current = readme.substring(start, end + ConfigurationReference.END.length());
        String generated = ConfigurationReference.render();
        if (Boolean.getBoolean("streamtune.regenerate")) {
            Files.writeString(README, readme.replace(current, generated));
            current = generated;
        }

        assertThat(current)
                .as("README.md's configuration reference; run ./mvnw -pl ops/deployment test"
                        + " -Dtest=ConfigurationReferenceTest -Dstreamtune.regenerate=true")
                .isEqualTo(generated);
    }
}
