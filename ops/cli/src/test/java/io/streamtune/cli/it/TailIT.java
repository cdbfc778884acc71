package io.streamtune.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamtune.cli.CommandRun;
import io.streamtune.schemas.Classification;
import io.streamtune.testsupport.KafkaStack;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code tail} reading classifications written to a real broker. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TailIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    private final ItTopics topics = new ItTopics(STACK);

    @Test
    void shouldPrintClassificationsFromTheBeginningReadablyUpToMax() throws Exception {
        String topic = STACK.uniqueTopic("classifications", 1);
        topics.write(topic, classifications("old-", 3));

        CommandRun.Result result =
                CommandRun.run(topics.command("tail", "--topic", topic, "--from-beginning", "--max", "2"));
        System.out.println("tail:\n" + result.out());

        assertThat(result.exitCode()).as(result.printed()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("EVENT ID");
        assertThat(lines.get(1))
                .startsWith("old-1 ")
                .contains(" pos ")
                .contains(" 0.750 ")
                .contains(" v4 ")
                .contains(" 25 ms")
                .contains("text number 1");
        assertThat(lines.get(2)).startsWith("old-2 ");
    }

    @Test
    void shouldPrintOneJsonObjectPerClassification() throws Exception {
        String topic = STACK.uniqueTopic("classifications", 1);
        topics.write(topic, classifications("j-", 2));

        CommandRun.Result result =
                CommandRun.run(topics.command("tail", "--topic", topic, "--from-beginning", "--max", "2", "--json"));

        assertThat(result.exitCode()).as(result.printed()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertThat(second.get("eventId").asText()).isEqualTo("j-2");
        assertThat(second.get("latencyMillis").asLong()).isEqualTo(25);
        assertThat(second.get("modelVersion").asLong()).isEqualTo(4);
    }

    @Test
    void shouldFollowOnlyNewClassificationsWithoutFromBeginning() throws Exception {
        String topic = STACK.uniqueTopic("classifications", 2);
        topics.write(topic, classifications("old-", 2));

        CompletableFuture<CommandRun.Result> tail = CompletableFuture.supplyAsync(
                () -> CommandRun.run(topics.command("tail", "--topic", topic, "--max", "1")));
        int[] round = {0};
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    topics.write(topic, classifications("new" + round[0]++ + "-", 1));
                    return tail.isDone();
                });

        CommandRun.Result result = tail.get();
        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.out()).contains("new").doesNotContain("old-");
    }

    private static Map<String, Classification> classifications(String prefix, int count) {
        Map<String, Classification> records = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            Instant eventTime = Instant.now();
            records.put(
                    prefix + i,
                    Classification.newBuilder()
                            .setEventId(prefix + i)
                            .setText("text number " + i)
                            .setLabel("pos")
                            .setConfidence(0.75)
                            .setScores(Map.of("pos", 0.75, "neg", 0.25))
                            .setModelName("sentiment")
                            .setModelVersion(4)
                            .setTruncated(false)
                            .setEventTime(eventTime)
                            .setClassifiedTime(eventTime.plusMillis(25))
                            .setInferenceMillis(10)
                            .setQueueMillis(5)
                            .setBatchSize(2)
                            .build());
        }
        return records;
    }
}
