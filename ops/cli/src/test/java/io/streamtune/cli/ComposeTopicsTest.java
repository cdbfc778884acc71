package io.streamtune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.schemas.Topics;
import io.streamtune.stack.RepositoryRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker-compose's topic-init script creates exactly the topics {@code stack up} creates. */
class ComposeTopicsTest {

    private static final Pattern CREATE = Pattern.compile("^create\\s+(\\S+)\\s+(delete|compact)\\s*$");

    @Test
    void shouldCreateTheSameTopicsWithTheSameCleanupPolicyAsTheLocalStack() throws Exception {
        Path script = RepositoryRoot.locate().resolve("ops/compose/create-topics.sh");

        List<Topics.TopicSpec> scripted = Files.readAllLines(script).stream()
                .map(String::trim)
                .map(CREATE::matcher)
                .filter(Matcher::matches)
                .map(match ->
                        new Topics.TopicSpec(match.group(1), match.group(2).equals("compact")))
                .toList();

        assertThat(scripted).containsExactlyInAnyOrderElementsOf(Topics.all());
    }

    @Test
    void shouldMountTheScriptInTheComposeFile() throws Exception {
        String compose = Files.readString(RepositoryRoot.locate().resolve("docker-compose.yml"));

        assertThat(compose).contains("./ops/compose/create-topics.sh:");
    }
}
