package io.streamtune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.testsupport.KafkaStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Your own data in five minutes", command for command, from a fresh folder: {@code init}, the one
 * edit it asks for, {@code bootstrap} on a three-class file (sunny, rainy, snowy forecasts: classes no other test
 * uses), {@code up} in its own process, then {@code produce}, {@code tail}, {@code correct} and {@code eval} in
 * others, a new version decided from the correction, and Ctrl-C. The commands are read from the README, so when
 * they change this test runs the new ones or breaks.
 *
 * <p>Only what a test must differ in is added to the starter file: the test broker and registry instead of the
 * local stack, topics of its own, a short fine-tuning schedule, free ports, and a round after one correction.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class OwnDataIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    private static final Path README = Path.of("../../README.md");
    private static final Map<String, List<String>> WORDS = Map.of(
            "sunny", List.of("clear skies", "bright sunshine", "a warm cloudless day", "blue skies", "hot sun"),
            "rainy", List.of("heavy showers", "steady rain", "a wet and grey day", "thunderstorms", "downpours"),
            "snowy", List.of("heavy snowfall", "blizzards", "a white and freezing day", "snow drifts", "sleet"));
    private static final List<String> CLASSES = List.of("rainy", "snowy", "sunny");

    @TempDir
    Path folder;

    @Test
    void shouldRunTheReadmeStepsOnAThreeClassFileAndLearnFromACorrection() throws Exception {
        ReadmeSteps readme = ReadmeSteps.read(README, "Your own data in five minutes");
        assertThat(readme.commands())
                .extracting(command -> command.get(0))
                .containsExactly("init", "bootstrap", "up", "produce", "tail", "correct", "eval");
        String model = readme.find("Set `model\\.name=(\\S+)`");
        Map<String, String> newTexts = writeFiles(readme);

        CliProcess.Result init = run(readme.command("init"));
        assertThat(init.exitCode()).as(init.output()).isZero();
        Path config = folder.resolve(readme.find("writes `(\\S+\\.properties)`"));
        configure(config, model);

        CliProcess.Result bootstrap = run(readme.command("bootstrap"));
        assertThat(bootstrap.exitCode()).as(bootstrap.output()).isZero();
        assertThat(bootstrap.output())
                .contains(model + " version 1: 3 classes (rainy, snowy, sunny)")
                .containsPattern("(?m)^true\\\\pred\\s+rainy\\s+snowy\\s+sunny$")
                .contains("published " + model + " version 1 PROMOTED");

        try (CliProcess.Running up =
                CliProcess.start(folder, readme.command("up").toArray(String[]::new))) {
            up.awaitLine(
                    Pattern.compile("Streamtune is up: model " + model + ", version 1 in service, labels rainy,"
                            + " snowy, sunny"),
                    Duration.ofMinutes(3));
            up.awaitLine(Pattern.compile("model-versions: version 1 PROMOTED"), Duration.ofSeconds(30));

            CliProcess.Result produce = run(readme.command("produce"));
            assertThat(produce.exitCode()).as(produce.output()).isZero();
            assertThat(produce.output()).contains("Sent " + newTexts.size() + " events to");

            CliProcess.Result tail = run(readme.command("tail"));
            assertThat(tail.exitCode()).as(tail.output()).isZero();
            Map<String, String> predicted = predictions(tail.output());
            assertThat(predicted).containsOnlyKeys(newTexts.keySet());
            assertThat(predicted.values()).allMatch(CLASSES::contains);

            String eventId = predicted.keySet().stream()
                    .filter(id -> !predicted.get(id).equals(newTexts.get(id)))
                    .findFirst()
                    .orElse(predicted.keySet().iterator().next());
            List<String> correctCommand = readme.command("correct").stream()
                    .map(arg -> arg.equals("EVENT_ID") ? eventId : arg.equals("LABEL") ? newTexts.get(eventId) : arg)
                    .toList();
            CliProcess.Result correct = run(correctCommand);
            assertThat(correct.exitCode()).as(correct.output()).isZero();
            assertThat(correct.output()).contains("Sent 1 correction to");

            Matcher decided = up.awaitLine(
                    Pattern.compile("model-versions: version 2 (PROMOTED|REJECTED), holdout accuracy"),
                    Duration.ofMinutes(6));
            System.out.println("version 2 was " + decided.group(1));

            CliProcess.Result eval = run(readme.command("eval"));
            assertThat(eval.exitCode()).as(eval.output()).isZero();
            assertThat(eval.output())
                    .contains("classified 9 of 9 sent (0 dead-lettered, 0 not read back in time)")
                    .containsPattern("examples 9  accuracy \\d\\.\\d{4}");

            // generous: on a loaded 2-core machine the classifier, trainer and stack took over a minute to stop
            int exit = up.interrupt(Duration.ofMinutes(3));
            String printed = up.output();
            System.out.println("streamtune up:\n" + printed);
            assertThat(exit)
                    .as("the exit code of a command stopped by SIGINT\n" + printed)
                    .isEqualTo(130);
            assertThat(printed)
                    .contains("Stopping: classifier, trainer")
                    .endsWith("Stopped.\n")
                    .doesNotContain(" DEBUG ")
                    .doesNotContain(" INFO ")
                    .doesNotContain("CUDA");
        }
        assertThat(folder.resolve(".streamtune/logs/up-" + model + ".log")).isNotEmptyFile();
        assertThat(folder.resolve(".streamtune/models/" + model + "/1")).isDirectory();
    }

    private CliProcess.Result run(List<String> command) throws IOException, InterruptedException {
        CliProcess.Result result = CliProcess.runIn(folder, command.toArray(String[]::new));
        System.out.println("streamtune " + String.join(" ", command) + "\n" + result.output());
        return result;
    }

    /** The README's one edit, then what only a test needs. */
    private void configure(Path config, String model) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("model.name", model);
        keys.put("kafka.bootstrap.servers", STACK.bootstrapServers());
        keys.put("registry.url", STACK.schemaRegistryUrl());
        keys.put("topic.text.events", STACK.uniqueTopic("own-events", 2));
        keys.put("topic.classifications", STACK.uniqueTopic("own-classifications", 2));
        keys.put("topic.text.events.dlq", STACK.uniqueTopic("own-events-dlq"));
        keys.put("topic.label.corrections", STACK.uniqueTopic("own-corrections"));
        keys.put("topic.label.corrections.dlq", STACK.uniqueTopic("own-corrections-dlq"));
        keys.put("topic.training.set", STACK.uniqueCompactedTopic("own-training-set"));
        keys.put("topic.model.versions", STACK.uniqueCompactedTopic("own-model-versions"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        keys.put("classifier.application.id", "own-data-classifier-" + run);
        keys.put("trainer.application.id", "own-data-trainer-" + run);
        keys.put("classifier.http.port", "0");
        keys.put("trainer.http.port", "0");
        keys.put("trainer.round.trigger.corrections", "1");
        keys.put("trainer.training.epochs", "1");
        keys.put("trainer.training.min.steps", "4");
        keys.put("trainer.training.max.length", "32");
        keys.put("trainer.training.batch.size", "8");
        keys.put("trainer.training.early.stopping.fraction", "0");
        List<String> lines = new ArrayList<>(Files.readAllLines(config));
        keys.forEach((key, value) -> set(lines, key, value));
        Files.write(config, lines);
    }

    /** Sets a key where the starter file has it (commented out or not), as a user editing the file would. */
    private static void set(List<String> lines, String key, String value) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("#?" + Pattern.quote(key) + "=.*")) {
                lines.set(i, key + "=" + value);
                return;
            }
        }
        throw new IllegalStateException("the starter file has no line for " + key);
    }

    /** Writes the README's three files; returns the ids and true labels of the texts produced. */
    private Map<String, String> writeFiles(ReadmeSteps readme) throws IOException {
        List<String> training = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            for (String label : CLASSES) {
                training.add("f-" + label + "-" + i + "," + forecast(label, i) + "," + label);
            }
        }
        Files.writeString(
                folder.resolve(readme.find("--data (\\S+\\.csv)")), "id,text,label\n" + String.join("\n", training));
        Map<String, String> newTexts = new LinkedHashMap<>();
        List<String> produced = new ArrayList<>();
        List<String> heldOut = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (String label : CLASSES) {
                String id = "new-" + label + "-" + i;
                newTexts.put(id, label);
                if (i < 2) {
                    produced.add(id + "," + forecast(label, 20 + i));
                }
                heldOut.add(forecast(label, 40 + i) + "," + label);
            }
        }
        newTexts.keySet().removeIf(id -> id.endsWith("-2"));
        Files.writeString(
                folder.resolve(readme.find("produce --config \\S+ (\\S+\\.csv)")),
                "id,text\n" + String.join("\n", produced));
        Files.writeString(
                folder.resolve(readme.find("eval --config \\S+ (\\S+\\.csv)")),
                "text,label\n" + String.join("\n", heldOut));
        return newTexts;
    }

    private static String forecast(String label, int i) {
        List<String> words = WORDS.get(label);
        return "Tomorrow brings " + words.get(i % 5) + " and " + words.get((i + 2) % 5) + " over the region on day "
                + i;
    }

    /** Event id to label, from tail's columns (EVENT ID, LABEL, ...). */
    private static Map<String, String> predictions(String tailOutput) {
        return tailOutput
                .lines()
                .filter(line -> line.startsWith("new-"))
                .map(line -> line.split("\\s+"))
                .collect(Collectors.toMap(columns -> columns[0], columns -> columns[1]));
    }
}
