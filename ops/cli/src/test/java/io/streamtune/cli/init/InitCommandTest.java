package io.streamtune.cli.init;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.classifier.config.ConfigLoader;
import io.streamtune.cli.CommandRun;
import io.streamtune.review.config.ReviewConfig;
import io.streamtune.runtime.config.SharedKeys;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.config.TrainerConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

    @TempDir
    Path folder;

    @Test
    void shouldWriteAFileThatConfiguresBothAppsOnceTheModelIsNamed() throws IOException {
        Path file = folder.resolve("streamtune.properties");

        assertThat(run("--output", file.toString())).isZero();
        String text = Files.readString(file)
                .replace("model.name=<required>", "model.name=genres")
                .replace("model.labels=<required>", "model.labels=news,fiction,poetry");
        Files.writeString(file, text);

        ClassifierConfig classifier = ConfigLoader.load(file, Map.of());
        TrainerConfig trainer = TrainerConfigLoader.load(file, Map.of());
        assertThat(classifier.modelName()).isEqualTo("genres").isEqualTo(trainer.modelName());
        assertThat(trainer.labels()).containsExactly("news", "fiction", "poetry");
        assertThat(classifier.streamsConfig()).containsEntry("bootstrap.servers", "localhost:9092");
        assertThat(trainer.serdeSettings()).isEqualTo(classifier.serdeConfig());
        assertThat(classifier.batchMaxRecords()).isEqualTo(32);
        ReviewConfig review = ReviewConfig.load(file, Map.of());
        assertThat(review.modelName()).isEqualTo("genres");
        assertThat(review.serdeSettings()).isEqualTo(trainer.serdeSettings());
        assertThat(review.usersFile()).isEqualTo(Path.of("review-users"));
    }

    @Test
    void shouldNameEveryKeyOfEveryAppWithItsDefault() throws IOException {
        Path file = folder.resolve("streamtune.properties");
        run("--output", file.toString());
        String text = Files.readString(file);

        for (String key : ClassifierConfig.definition().names()) {
            assertThat(text).as(key).containsPattern("(?m)^#?" + key.replace(".", "\\.") + "=");
        }
        for (String key : TrainerConfig.definition().names()) {
            assertThat(text).as(key).containsPattern("(?m)^#?" + key.replace(".", "\\.") + "=");
        }
        for (String key : ReviewConfig.definition().names()) {
            assertThat(text).as(key).containsPattern("(?m)^#?" + key.replace(".", "\\.") + "=");
        }
        assertThat(text)
                .contains("#" + ClassifierConfig.BATCH_MAX_RECORDS + "=32")
                .contains(SharedKeys.KAFKA_BOOTSTRAP_SERVERS + "=localhost:9092");
    }

    @Test
    void shouldNotOverwriteAnExistingFileUnlessForced() throws IOException {
        Path file = Files.writeString(folder.resolve("streamtune.properties"), "model.name=mine\n");

        CommandRun.Result result = CommandRun.run(prepend("--output", file.toString()));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains(file + " exists; pass --force");
        assertThat(Files.readString(file)).isEqualTo("model.name=mine\n");
        assertThat(run("--output", file.toString(), "--force")).isZero();
        assertThat(Files.readString(file)).contains("model.name=<required>");
    }

    private static int run(String... args) {
        return CommandRun.run(prepend(args)).exitCode();
    }

    private static String[] prepend(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "init";
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }
}
