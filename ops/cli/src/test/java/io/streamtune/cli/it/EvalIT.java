package io.streamtune.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamtune.classifier.ClassifierRuntime;
import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.cli.CommandRun;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.testsupport.KafkaStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval} through a real, running {@link ClassifierRuntime} (Kafka Streams, exactly-once, hot reload) with a
 * stand-in model, and {@code models promote|rollback} taking effect in that running classifier.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EvalIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    private final ItTopics topics = new ItTopics(STACK);

    @TempDir
    Path folder;

    private ClassifierRuntime runtime;

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void shouldEvaluateTheLiveClassifierAndSeePromotionAndRollbackTakeEffect() throws Exception {
        String events = STACK.uniqueTopic("text-events", 2);
        String classifications = STACK.uniqueTopic("classifications", 2);
        String versions = topics.compacted("model-versions");
        topics.publish(versions, "sentiment", 1, ModelStatus.PROMOTED, artifact(1), List.of("neg", "pos"));
        topics.publish(versions, "sentiment", 2, ModelStatus.CANDIDATE, artifact(2), List.of("neg", "pos"));
        runtime = ClassifierRuntime.start(
                new ClassifierConfig(classifierConfig(events, classifications, versions)),
                new StandInModel(),
                Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(90)).until(runtime::isReady);
        Path labelled = Files.writeString(folder.resolve("labelled.jsonl"), labelledExamples());
        String[] eval = topics.command(
                "eval",
                labelled.toString(),
                "--events-topic",
                events,
                "--classifications-topic",
                classifications,
                "--timeout",
                "90");

        CommandRun.Result first = CommandRun.run(eval);
        System.out.println("eval against the live classifier (stand-in model v1):\n" + first.out());

        assertThat(first.exitCode()).as(first.printed()).isZero();
        assertThat(first.out())
                .contains("classified 20 of 20 sent (0 dead-lettered, 0 not read back in time)")
                .contains("examples 20  accuracy 0.9000")
                .containsPattern("end-to-end latency .* p50 \\d+  p95 \\d+  p99 \\d+");
        assertThat(first.err()).contains("100%  20/20");

        CommandRun.Result promote = CommandRun.run(topics.command("models", "promote", "2", "--topic", versions));
        assertThat(promote.exitCode()).as(promote.printed()).isZero();
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.metrics().servedVersion() == 2);
        CommandRun.Result second = CommandRun.run(eval);
        assertThat(second.exitCode()).as(second.printed()).isZero();
        assertThat(second.out()).contains("examples 20  accuracy 0.6000");

        CommandRun.Result rollback = CommandRun.run(topics.command("models", "rollback", "--topic", versions));
        assertThat(rollback.exitCode()).as(rollback.printed()).isZero();
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.metrics().servedVersion() == 1);
        CommandRun.Result third = CommandRun.run(eval);
        System.out.println("eval after the rollback (stand-in model v1 again):\n" + third.out());
        assertThat(third.out()).contains("examples 20  accuracy 0.9000");
    }

    @Test
    void shouldFailNamingTheFirstExampleNotClassifiedWhenNoClassifierAnswers() throws Exception {
        String events = STACK.uniqueTopic("text-events", 1);
        String classifications = STACK.uniqueTopic("classifications", 1);
        Path labelled = Files.writeString(
                folder.resolve("labelled.csv"), "text,label,split\ngood,pos,stream\nbad,neg,test\nok,pos,test\n");

        CommandRun.Result result = CommandRun.run(topics.command(
                "eval",
                labelled.toString(),
                "--where",
                "split=test",
                "--events-topic",
                events,
                "--classifications-topic",
                classifications,
                "--timeout",
                "2"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("classified 0 of 2 sent (0 dead-lettered, 2 not read back in time)");
        assertThat(result.err())
                .contains("2 of 2 texts were neither classified nor dead-lettered within 2 s of the last"
                        + " classification received (first: " + labelled + " line 3)");
        assertThat(topics.readAll(events, io.streamtune.schemas.TextEvent.class))
                .extracting(record -> record.value().getText())
                .containsExactly("bad", "ok");
    }

    @Test
    void shouldReportTextsTheClassifierDeadLetteredByReasonInsteadOfMissing() throws Exception {
        String events = STACK.uniqueTopic("text-events", 1);
        String classifications = STACK.uniqueTopic("classifications", 1);
        String deadLetters = STACK.uniqueTopic("text-events-dlq");
        String versions = topics.compacted("model-versions");
        topics.publish(versions, "sentiment", 1, ModelStatus.PROMOTED, artifact(1), List.of("neg", "pos"));
        Map<String, String> config = classifierConfig(events, classifications, versions, deadLetters);
        config.put("text.max.bytes", "40");
        runtime = ClassifierRuntime.start(new ClassifierConfig(config), new StandInModel(), Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(90)).until(runtime::isReady);
        Path labelled = Files.writeString(
                folder.resolve("long.csv"),
                "text,label\na good thing,pos\n" + "a bad thing ".repeat(10) + ",neg\na bad thing,neg\n");

        CommandRun.Result result = CommandRun.run(topics.command(
                "eval",
                labelled.toString(),
                "--events-topic",
                events,
                "--classifications-topic",
                classifications,
                "--dead-letter-topic",
                deadLetters,
                "--timeout",
                "60"));

        assertThat(result.exitCode()).as(result.printed()).isEqualTo(1);
        assertThat(result.out())
                .contains("classified 2 of 3 sent (1 dead-lettered, 0 not read back in time)")
                .contains("dead-lettered by reason: TEXT_TOO_LARGE 1");
        assertThat(result.err())
                .contains("1 of 3 texts were dead-lettered to " + deadLetters + " {TEXT_TOO_LARGE=1}")
                .doesNotContain("is a classifier running");
    }

    @Test
    void shouldWaitWhileClassificationsAreStillArrivingLongAfterTheLastSend() throws Exception {
        String events = STACK.uniqueTopic("text-events", 1);
        String classifications = STACK.uniqueTopic("classifications", 1);
        Path labelled = Files.writeString(
                folder.resolve("slow.csv"), "text,label\none,pos\ntwo,neg\nthree,pos\nfour,neg\nfive,pos\n");
        try (SlowClassifier slow = new SlowClassifier(STACK, events, classifications, Duration.ofMillis(1500))) {
            slow.start();

            CommandRun.Result result = CommandRun.run(topics.command(
                    "eval",
                    labelled.toString(),
                    "--events-topic",
                    events,
                    "--classifications-topic",
                    classifications,
                    "--timeout",
                    "4",
                    "--rate",
                    "20"));

            // the last classification comes about 7.5 s after the last send, more than the 4 s timeout
            assertThat(result.exitCode()).as(result.printed()).isZero();
            assertThat(result.out()).contains("classified 5 of 5 sent (0 dead-lettered, 0 not read back in time)");
        }
    }

    /** 10 "good" texts labelled pos, 8 "bad" labelled neg, 2 "bad" labelled pos: version 1 gets 18 of 20. */
    private static String labelledExamples() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            String text = (i < 10 ? "a good thing " : "a bad thing ") + i;
            String label = i < 10 || i >= 18 ? "pos" : "neg";
            lines.append("{\"text\":\"")
                    .append(text)
                    .append("\",\"label\":\"")
                    .append(label)
                    .append("\"}\n");
        }
        return lines.toString();
    }

    private Map<String, String> classifierConfig(String events, String classifications, String versions)
            throws Exception {
        return classifierConfig(events, classifications, versions, STACK.uniqueTopic("text-events-dlq"));
    }

    private Map<String, String> classifierConfig(
            String events, String classifications, String versions, String deadLetters) throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put("application.id", "cli-eval-it-" + UUID.randomUUID());
        config.put("bootstrap.servers", STACK.bootstrapServers());
        config.put("schema.registry.url", STACK.schemaRegistryUrl());
        config.put("registry.auto.register.schemas", "true");
        config.put("input.topic", events);
        config.put("output.topic", classifications);
        config.put("dlq.topic", deadLetters);
        config.put("model.versions.topic", versions);
        config.put("model.name", "sentiment");
        config.put(
                "model.store.root",
                Files.createDirectories(folder.resolve("store")).toString());
        config.put("batch.max.records", "8");
        config.put("batch.max.wait.ms", "20");
        config.put("instance.id", "cli-it");
        config.put("http.port", "0");
        config.put("kafka.state.dir", folder.resolve("state").toString());
        config.put("kafka.commit.interval.ms", "100");
        return config;
    }

    private String artifact(long version) throws Exception {
        return Files.createDirectories(folder.resolve("artifacts/sentiment/" + version))
                .toUri()
                .toString();
    }
}
