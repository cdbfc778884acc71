package io.streamtune.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.cli.CommandRun;
import io.streamtune.schemas.FeedbackKind;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.testsupport.KafkaStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code correct} with labels checked against the version in service on a real model-versions topic. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CorrectIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    private final ItTopics topics = new ItTopics(STACK);

    @TempDir
    Path folder;

    private String versions;
    private String corrections;

    @BeforeEach
    void publishVersions() throws Exception {
        versions = topics.compacted("model-versions");
        corrections = STACK.uniqueTopic("label-corrections", 1);
        topics.publish(versions, "sentiment", 1, ModelStatus.PROMOTED, "file:///m/1/", List.of("neg", "pos"));
        // a newer version that is not in service, with other labels: they must not count
        topics.publish(versions, "sentiment", 2, ModelStatus.CANDIDATE, "file:///m/2/", List.of("neg", "pos", "mixed"));
    }

    @Test
    void shouldSendOneCorrectionWithItsFields() {
        CommandRun.Result result = CommandRun.run(command(
                "correct", "e-1", "pos", "--text", "great stuff", "--annotator", "alice", "--previous-label", "neg"));

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.out()).contains("Sent 1 correction to " + corrections);
        List<ConsumerRecord<String, LabelCorrection>> records = topics.readAll(corrections, LabelCorrection.class);
        assertThat(records).hasSize(1);
        LabelCorrection sent = records.get(0).value();
        assertThat(records.get(0).key()).isEqualTo("e-1");
        assertThat(sent.getLabel()).isEqualTo("pos");
        assertThat(sent.getText()).isEqualTo("great stuff");
        assertThat(sent.getAnnotator()).isEqualTo("alice");
        assertThat(sent.getPreviousLabel()).isEqualTo("neg");
        assertThat(sent.getKind()).isEqualTo(FeedbackKind.CORRECTION);
    }

    @Test
    void shouldSendTheKindOfTheOptionOrOfEachRow() throws Exception {
        Path file = Files.writeString(
                folder.resolve("reviewed.csv"), "eventId,label,kind\na,pos,audit\nb,neg,\nc,neg,CORRECTION\n");

        CommandRun.Result single = CommandRun.run(command("correct", "e-1", "pos", "--kind", "confirmation"));
        CommandRun.Result rows =
                CommandRun.run(command("correct", "--file", file.toString(), "--kind", "Confirmation"));

        assertThat(single.exitCode()).as(single.printed()).isZero();
        assertThat(rows.exitCode()).as(rows.printed()).isZero();
        assertThat(topics.readAll(corrections, LabelCorrection.class))
                .extracting(r -> r.key() + ":" + r.value().getKind())
                .containsExactly("e-1:CONFIRMATION", "a:AUDIT", "b:CONFIRMATION", "c:CORRECTION");
    }

    @Test
    void shouldRefuseALabelOutsideTheLabelsOfTheVersionInService() {
        CommandRun.Result result = CommandRun.run(command("correct", "e-1", "mixed"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("unknown label 'mixed' (known: neg,pos) for sentiment v1");
        assertThat(topics.readAll(corrections, LabelCorrection.class)).isEmpty();
    }

    @Test
    void shouldSendNothingFromAFileWithAnUnknownLabelAndNameItsLine() throws Exception {
        Path file = Files.writeString(folder.resolve("fixes.jsonl"), """
                {"eventId":"a","label":"pos"}
                {"eventId":"b","label":"neg","annotator":"bob"}
                {"eventId":"c","label":"mixed"}
                """);

        CommandRun.Result result = CommandRun.run(command("correct", "--file", file.toString()));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains(file + ": unknown label 'mixed' on line 3 (known: neg,pos)")
                .contains("Nothing was sent");
        assertThat(topics.readAll(corrections, LabelCorrection.class)).isEmpty();
    }

    @Test
    void shouldSendEveryCorrectionOfAValidCsvFile() throws Exception {
        Path file = Files.writeString(
                folder.resolve("fixes.csv"), "eventId,label,text,annotator\na,pos,nice,bob\nb,neg,,\n");

        CommandRun.Result result = CommandRun.run(command("correct", "--file", file.toString(), "--annotator", "ann"));

        assertThat(result.exitCode()).as(result.printed()).isZero();
        List<LabelCorrection> sent = topics.readAll(corrections, LabelCorrection.class).stream()
                .map(ConsumerRecord::value)
                .toList();
        assertThat(sent).extracting(LabelCorrection::getEventId).containsExactly("a", "b");
        assertThat(sent).extracting(LabelCorrection::getAnnotator).containsExactly("bob", "ann");
        assertThat(sent).extracting(LabelCorrection::getText).containsExactly("nice", null);
    }

    @Test
    void shouldAskForAModelWhenSeveralShareTheTopic() throws Exception {
        topics.publish(versions, "intent", 1, ModelStatus.PROMOTED, "file:///i/1/", List.of("buy", "sell"));

        CommandRun.Result ambiguous = CommandRun.run(command("correct", "e-1", "buy"));
        CommandRun.Result chosen = CommandRun.run(command("correct", "e-1", "buy", "--model", "intent"));

        assertThat(ambiguous.err())
                .contains("several models on " + versions + " (intent, sentiment): choose one with --model");
        assertThat(chosen.exitCode()).as(chosen.printed()).isZero();
    }

    private String[] command(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--topic", corrections, "--versions-topic", versions));
        return topics.command(all.toArray(String[]::new));
    }
}
