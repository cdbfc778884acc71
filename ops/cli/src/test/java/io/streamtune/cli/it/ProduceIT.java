package io.streamtune.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.cli.CommandRun;
import io.streamtune.schemas.TextEvent;
import io.streamtune.testsupport.KafkaStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code produce} against a real broker and registry: what lands on the topic. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ProduceIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    private final ItTopics topics = new ItTopics(STACK);

    @TempDir
    Path folder;

    @Test
    void shouldSendEveryLineOfAJsonLinesFileKeyedByIdWithAProgressBar() throws Exception {
        String topic = STACK.uniqueTopic("text-events", 2);
        Path file = Files.writeString(folder.resolve("events.jsonl"), """
                {"id":"e-1","text":"first","source":"mail","eventTime":"2024-05-01T12:00:00Z","attributes":{"lang":"en"}}
                {"id":"e-2","text":"second","domain":"chat"}
                {"id":"e-3","text":"third"}
                """);

        CommandRun.Result result = CommandRun.run(topics.command("produce", file.toString(), "--topic", topic));

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.out()).contains("Sent 3 events to " + topic);
        assertThat(result.err()).contains("100%  3/3");
        Map<String, TextEvent> byKey = byKey(topics.readAll(topic, TextEvent.class));
        assertThat(byKey).containsOnlyKeys("e-1", "e-2", "e-3");
        assertThat(byKey.get("e-1").getSource()).isEqualTo("mail");
        assertThat(byKey.get("e-1").getEventTime()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(byKey.get("e-1").getAttributes()).isEqualTo(Map.of("lang", "en"));
        assertThat(byKey.get("e-2").getSource()).isEqualTo("chat");
        assertThat(byKey.get("e-3").getSource()).isEqualTo("cli");
    }

    @Test
    void shouldSendCsvKeyedByIdWithOtherColumnsAsAttributesAndSettingsFromAClientPropertiesFile() throws Exception {
        String topic = STACK.uniqueTopic("text-events", 1);
        Path config = Files.writeString(
                folder.resolve("client.properties"),
                "bootstrap.servers=" + STACK.bootstrapServers() + "\nschema.registry.url=" + STACK.schemaRegistryUrl()
                        + "\nclient.id=streamtune-cli-it\n");
        Path file = Files.writeString(
                folder.resolve("events.csv"), "id,text,customer\nc-1,\"hello, world\",acme\nc-2,bye,globex\n");

        CommandRun.Result result = CommandRun.run(
                "produce", file.toString(), "--topic", topic, "--key", "id", "--config", config.toString());

        assertThat(result.exitCode()).as(result.printed()).isZero();
        List<ConsumerRecord<String, TextEvent>> records = topics.readAll(topic, TextEvent.class);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly("c-1", "c-2");
        assertThat(records.get(0).value().getText()).isEqualTo("hello, world");
        assertThat(records.get(0).value().getAttributes()).isEqualTo(Map.of("customer", "acme"));
    }

    @Test
    void shouldSendOneEventPerLineOfStdinWithGeneratedIds() throws Exception {
        String topic = STACK.uniqueTopic("text-events", 1);

        CommandRun.Result result =
                CommandRun.withStdin("one text\n\nanother text\n", topics.command("produce", "-", "--topic", topic));

        assertThat(result.exitCode()).as(result.printed()).isZero();
        List<ConsumerRecord<String, TextEvent>> records = topics.readAll(topic, TextEvent.class);
        assertThat(records).extracting(r -> r.value().getText()).containsExactly("one text", "another text");
        assertThat(records).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(record.value().getId()).hasSize(36);
            assertThat(record.value().getSource()).isEqualTo("cli");
        });
    }

    @Test
    void shouldStopAtABadLineNamingItAfterSendingEverythingBeforeIt() throws Exception {
        String topic = STACK.uniqueTopic("text-events", 1);
        Path file = Files.writeString(folder.resolve("events.jsonl"), lines());

        CommandRun.Result result = CommandRun.run(topics.command("produce", file.toString(), "--topic", topic));

        assertThat(result.exitCode()).as(result.printed()).isEqualTo(1);
        assertThat(result.err())
                .contains("streamtune: " + file + " line 4: not valid JSON")
                .contains("Stopped there: the 3 events before it were sent");
        assertThat(topics.readAll(topic, TextEvent.class))
                .extracting(ConsumerRecord::key)
                .containsExactly("e-1", "e-2", "e-3");
    }

    @Test
    void shouldSkipBadLinesWhenAskedAndSendTheRest() throws Exception {
        String topic = STACK.uniqueTopic("text-events", 1);
        Path file = Files.writeString(folder.resolve("events.jsonl"), lines());

        CommandRun.Result result = CommandRun.run(
                topics.command("produce", file.toString(), "--topic", topic, "--skip-bad", "--key", "none"));

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.err()).contains("skipped " + file + " line 4: not valid JSON");
        assertThat(result.out()).contains("Sent 4 events to " + topic + ", skipped 1 bad lines.");
        List<ConsumerRecord<String, TextEvent>> records = topics.readAll(topic, TextEvent.class);
        assertThat(records).extracting(r -> r.value().getId()).containsExactly("e-1", "e-2", "e-3", "e-5");
        assertThat(records).extracting(ConsumerRecord::key).containsOnlyNulls();
    }

    private static String lines() {
        return """
                {"id":"e-1","text":"a"}
                {"id":"e-2","text":"b"}
                {"id":"e-3","text":"c"}
                {"id":"e-4","text":"d"
                {"id":"e-5","text":"e"}
                """;
    }

    private static Map<String, TextEvent> byKey(List<ConsumerRecord<String, TextEvent>> records) {
        return records.stream().collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value));
    }
}
