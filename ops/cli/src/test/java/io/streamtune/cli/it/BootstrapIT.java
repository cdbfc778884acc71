package io.streamtune.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.cli.CommandRun;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.testsupport.KafkaStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code streamtune bootstrap} with the real BERT (all-MiniLM-L6-v2 kept short: 32 tokens, one epoch, a few steps)
 * on the real broker and registry: version 1 in the model store, CANDIDATE then PROMOTED on model-versions, the
 * examples in the training set, the report printed; a file with a bad row publishes nothing.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class BootstrapIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    private static final List<String> GENRES = List.of("crime", "fantasy", "scifi");

    private final ItTopics topics = new ItTopics(STACK);
    private final String versions = topics.compacted("model-versions");
    private final String trainingSet = topics.compacted("training-set");
    private final String model = "books-" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path folder;

    @Test
    void shouldTrainPublishAndReportVersionOneFromACsvFileWithThreeLabels() throws Exception {
        Path data = Files.writeString(folder.resolve("books.csv"), csv(books(10)));

        CommandRun.Result result = CommandRun.run(bootstrap(data));
        System.out.println("streamtune bootstrap:\n" + result.printed());

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.out())
                .contains(model + " version 1: 3 classes (crime, fantasy, scifi), trained on 24 examples,"
                        + " evaluated on 6 held out (stratified by label)")
                .containsPattern("(?m)^crime\\s+\\d\\.\\d{4}\\s+\\d\\.\\d{4}\\s+\\d\\.\\d{4}\\s+2$")
                .containsPattern("(?m)^fantasy\\s+\\d\\.\\d{4}\\s+\\d\\.\\d{4}\\s+\\d\\.\\d{4}\\s+2$")
                .containsPattern("(?m)^scifi\\s+\\d\\.\\d{4}\\s+\\d\\.\\d{4}\\s+\\d\\.\\d{4}\\s+2$")
                .containsPattern("(?m)^true\\\\pred\\s+crime\\s+fantasy\\s+scifi$")
                .contains("published " + model + " version 1 PROMOTED to " + versions);
        assertThat(result.err())
                .contains("30 examples of 3 classes")
                .contains("trainer log: " + folder.resolve("logs").resolve("bootstrap.log"))
                .contains("fine-tuning [##############################] 100%");
        assertThat(folder.resolve("logs").resolve("bootstrap.log")).content().contains("Fine-tuning " + model);
        List<ModelVersion> published = published();
        assertThat(published)
                .extracting(ModelVersion::getStatus)
                .containsExactly(ModelStatus.CANDIDATE, ModelStatus.PROMOTED);
        assertThat(published.get(1).getVersion()).isEqualTo(1);
        assertThat(published.get(1).getLabels()).isEqualTo(GENRES);
        assertThat(published.get(1).getMetrics()).containsKeys("f1.crime", "f1.fantasy", "f1.scifi");
        List<LabelCorrection> seeds = seeds();
        assertThat(seeds).hasSize(30).allMatch(seed -> seed.getAnnotator().equals("bootstrap"));
        assertThat(folder.resolve("models").resolve(model).resolve("1")).isDirectory();

        CommandRun.Result again = CommandRun.run(bootstrap(data));
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains(model + " already has version 1: bootstrap only creates the first version");
        assertThat(published()).hasSize(2);
    }

    @Test
    void shouldPublishNothingFromAFileWithABadRowUnlessToldToSkipIt() throws Exception {
        List<String> rows = new ArrayList<>(books(8));
        rows.add(5, "b-bad,,crime");
        Path data = Files.writeString(folder.resolve("with-bad-row.csv"), csv(rows));

        CommandRun.Result refused = CommandRun.run(bootstrap(data));

        assertThat(refused.exitCode()).as(refused.printed()).isEqualTo(1);
        assertThat(refused.err())
                .contains(data + " line 7: missing field 'text'")
                .contains("1 bad row in " + data + " (first: line 7): nothing was trained or published");
        assertThat(published()).isEmpty();
        assertThat(seeds()).isEmpty();
        assertThat(folder.resolve("models").resolve(model)).doesNotExist();

        CommandRun.Result skipped = CommandRun.run(Stream.concat(Stream.of(bootstrap(data)), Stream.of("--skip-bad"))
                .toArray(String[]::new));

        assertThat(skipped.exitCode()).as(skipped.printed()).isZero();
        assertThat(skipped.err()).contains("skipped " + data + " line 7: missing field 'text'");
        assertThat(published()).extracting(ModelVersion::getStatus).endsWith(ModelStatus.PROMOTED);
        assertThat(seeds()).hasSize(24).noneMatch(seed -> seed.getEventId().equals("b-bad"));
    }

    private String[] bootstrap(Path data) throws Exception {
        Path config = Files.writeString(
                folder.resolve("streamtune.properties"),
                String.join(
                        "\n",
                        "topic.model.versions=" + versions,
                        "topic.training.set=" + trainingSet,
                        "trainer.training.epochs=1",
                        "trainer.training.min.steps=4",
                        "trainer.training.max.length=32",
                        "trainer.training.batch.size=8",
                        "trainer.training.early.stopping.fraction=0",
                        "trainer.training.lexical.weight=0",
                        ""));
        return topics.command(
                "bootstrap",
                "--data",
                data.toString(),
                "--model",
                model,
                "--label-field",
                "genre",
                "--store",
                folder.resolve("models").toString(),
                "--log",
                folder.resolve("logs").resolve("bootstrap.log").toString(),
                "--config",
                config.toString());
    }

    private List<ModelVersion> published() {
        return topics.readAll(versions, ModelVersion.class).stream()
                .map(ConsumerRecord::value)
                .filter(version -> version.getModelName().equals(model))
                .toList();
    }

    private List<LabelCorrection> seeds() {
        return topics.readAll(trainingSet, LabelCorrection.class).stream()
                .map(ConsumerRecord::value)
                .toList();
    }

    /** {@code perGenre} rows of each genre, {@code id,text,genre}, in turn. */
    private static List<String> books(int perGenre) {
        Map<String, List<String>> words = Map.of(
                "crime", List.of("detective", "murder", "alibi", "suspect", "police"),
                "fantasy", List.of("dragon", "wizard", "sword", "elves", "spell"),
                "scifi", List.of("starship", "robot", "planet", "laser", "android"));
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < perGenre; i++) {
            for (String genre : GENRES) {
                List<String> vocabulary = words.get(genre);
                rows.add(String.format(
                        "b-%s-%d,\"A story of the %s and the %s, chapter %d\",%s",
                        genre, i, vocabulary.get(i % 5), vocabulary.get((i + 2) % 5), i, genre));
            }
        }
        return rows;
    }

    private static String csv(List<String> rows) {
        return "id,text,genre\n" + String.join("\n", rows) + "\n";
    }
}
