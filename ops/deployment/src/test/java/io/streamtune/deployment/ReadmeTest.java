package io.streamtune.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.schemas.Topics;
import io.streamtune.trainer.config.TrainerConfig;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The root README's reference tables name every configuration key and every topic as the code defines them. */
class ReadmeTest {

    private static String readme;

    @BeforeAll
    static void read() throws IOException {
        readme = Files.readString(ComposeFile.ROOT.resolve("README.md"));
    }

    @Test
    void shouldDocumentEveryClassifierAndTrainerKey() {
        for (String key : ClassifierConfig.definition().names()) {
            assertThat(readme).as("classifier key " + key).contains("| `" + key + "` |");
        }
        for (String key : TrainerConfig.definition().names()) {
            assertThat(readme).as("trainer key " + key).contains("`" + key + "`");
        }
    }

    @Test
    void shouldListEveryTopicWithItsCleanupPolicy() {
        for (Topics.TopicSpec topic : Topics.all()) {
            String row = readme.lines()
                    .filter(line -> line.startsWith("| `" + topic.name() + "` |"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no row for topic " + topic.name()));
            assertThat(row).contains(topic.compacted() ? "| compact |" : "| delete |");
        }
    }
}
