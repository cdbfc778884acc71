package io.streamtune.systemtests.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamtune.classifier.ClassifierRuntime;
import io.streamtune.classifier.deadletter.DeadLetterHeaders;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.serde.ConfluentAvroDeserializer;
import io.streamtune.schemas.serde.ConfluentAvroSerializer;
import io.streamtune.schemas.serde.WireFormat;
import io.streamtune.systemtests.StandInModel;
import io.streamtune.testsupport.KafkaStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text-events corpus against the classifier running in-process on the real broker and registry, with the
 * stand-in model ({@link StandInModel}): every record is classified or dead-lettered with the expected reason, none
 * is lost or written twice, and the stream keeps RUNNING.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class BadInputTextEventsIT {

    private static final long SEED = 20261127L;
    private static final int GOOD = 300;
    private static final int RANDOM_BODIES = 100;
    private static final int MUTATIONS = 300;

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    @TempDir
    Path folder;

    @Test
    void shouldClassifyOrDeadLetterEveryRecordWithoutStopping() throws Exception {
        try (CorpusTopics topics = new CorpusTopics(STACK)) {
            int otherSchemaId = topics.promoteStandInModel();
            ConfluentAvroSerializer<TextEvent> serializer = topics.serializer();
            List<CorpusRecord> corpus = new TextEventCorpus(
                            SEED, event -> serializer.serialize(topics.events, event), otherSchemaId)
                    .build(GOOD, RANDOM_BODIES, MUTATIONS);
            try (ClassifierRuntime classifier = StandInModel.startClassifier(
                    topics.classifierConfig(folder.resolve("state"), folder.resolve("store")))) {
                corpus.forEach(record -> topics.send(record.toProducerRecord(topics.events, null)));
                topics.flush();

                List<ConsumerRecord<byte[], byte[]>> out = topics.read(
                        List.of(topics.classifications, topics.eventDeadLetters),
                        corpus.size(),
                        Duration.ofMinutes(3),
                        Duration.ofSeconds(3));
                Ledger ledger = new Ledger("text-events", corpus);
                List<String> badLetters = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : out) {
                    ledger.record(CorpusRecord.sequenceOf(record.headers()), outcome(topics, record, badLetters));
                }
                System.out.println(ledger.table());

                assertThat(classifier.streamsState()).isEqualTo(KafkaStreams.State.RUNNING);
                assertThat(ledger.lost()).as("lost records").isEmpty();
                assertThat(ledger.duplicatedOrUnknown())
                        .as("duplicated records")
                        .isEmpty();
                assertThat(ledger.wrongOutcomes())
                        .as("records with another outcome than expected")
                        .isEmpty();
                assertThat(badLetters)
                        .as("dead letters without reason or source headers")
                        .isEmpty();
                assertThat(ledger.outcomeCount()).isEqualTo(corpus.size());
                assertThat(textChanges(topics, corpus, out))
                        .as("classifications whose text or id differs from what the event held")
                        .isEmpty();
                assertThat(ledger.countsOf("random: mutated valid payload"))
                        .as("some mutations still decode and are classified, some do not")
                        .containsKeys(TextEventCorpus.CLASSIFIED, "UNDESERIALIZABLE");
            }
        }
    }

    /**
     * Avro refuses a map or array count over what a Java array holds with an UnsupportedOperationException, which
     * {@code AbstractAvroDeserializer.decode} did not turn into a WireFormatException, so the classifier's reader
     * rethrew it, the stream thread was replaced and read the same record again, for ever: the partition was blocked.
     * Seeded mutations hit it (15 of 400 random records). Found by this corpus, fixed in schemas 69edc75.
     */
    @Test
    void shouldDeadLetterAnAvroCollectionCountOverTheJavaLimit() throws Exception {
        try (CorpusTopics topics = new CorpusTopics(STACK)) {
            topics.promoteStandInModel();
            ConfluentAvroSerializer<TextEvent> serializer = topics.serializer();
            // one key, so all three go to one partition; the good events' id is that key (a key must be the id)
            byte[] before = serializer.serialize(topics.events, event("k"));
            byte[] after = serializer.serialize(topics.events, event("k"));
            byte[] poison = AvroBytes.textEventWithMapCount(
                    WireFormat.schemaId(before), "poison", 3_000_000_000L, System.currentTimeMillis());
            List<CorpusRecord> corpus = List.of(
                    new CorpusRecord(0, "good", CorpusTopics.bytes("k"), before, TextEventCorpus.CLASSIFIED),
                    new CorpusRecord(1, "map count 3e9", CorpusTopics.bytes("k"), poison, "UNDESERIALIZABLE"),
                    new CorpusRecord(2, "good", CorpusTopics.bytes("k"), after, TextEventCorpus.CLASSIFIED));
            try (ClassifierRuntime classifier = StandInModel.startClassifier(
                    topics.classifierConfig(folder.resolve("state"), folder.resolve("store")))) {
                corpus.forEach(record -> topics.send(record.toProducerRecord(topics.events, null)));
                topics.flush();
                List<ConsumerRecord<byte[], byte[]>> out = topics.read(
                        List.of(topics.classifications, topics.eventDeadLetters),
                        corpus.size(),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(1));
                Ledger ledger = new Ledger("text-events (map count over the Java limit)", corpus);
                List<String> badLetters = new ArrayList<>();
                out.forEach(r -> ledger.record(CorpusRecord.sequenceOf(r.headers()), outcome(topics, r, badLetters)));
                System.out.println(ledger.table());
                assertThat(classifier.streamsState()).isEqualTo(KafkaStreams.State.RUNNING);
                assertThat(ledger.lost()).isEmpty();
                assertThat(ledger.wrongOutcomes()).isEmpty();
            }
        }
    }

    /**
     * Compares each classification of a hand-made good event with the event as the services read it: the same id and
     * text, code point for code point, keyed by the event id whatever the input's key (emoji, right-to-left marks, combining and control characters kept), and
     * U+FFFD where the bytes were not UTF-8.
     */
    private static List<String> textChanges(
            CorpusTopics topics, List<CorpusRecord> corpus, List<ConsumerRecord<byte[], byte[]>> out) {
        Map<Integer, CorpusRecord> bySequence = new HashMap<>();
        corpus.forEach(record -> bySequence.put(record.sequence(), record));
        ConfluentAvroDeserializer<TextEvent> events = topics.deserializer(TextEvent.class);
        ConfluentAvroDeserializer<Classification> classifications = topics.deserializer(Classification.class);
        List<String> changes = new ArrayList<>();
        int compared = 0;
        for (ConsumerRecord<byte[], byte[]> record : out) {
            CorpusRecord input = bySequence.get(CorpusRecord.sequenceOf(record.headers()));
            if (!record.topic().equals(topics.classifications)
                    || input == null
                    || !TextEventCorpus.CLASSIFIED.equals(input.expected())) {
                continue;
            }
            compared++;
            TextEvent event = events.deserialize(topics.events, input.value());
            Classification classification = classifications.deserialize(record.topic(), record.value());
            boolean replaced =
                    !input.kind().startsWith("invalid UTF-8") || event.getText().contains("\ufffd");
            boolean keyedById =
                    record.key() != null && event.getId().equals(new String(record.key(), StandardCharsets.UTF_8));
            if (!event.getText().equals(classification.getText())
                    || !event.getId().equals(classification.getEventId())
                    || !replaced
                    || !keyedById) {
                changes.add(input + ": classified as id " + classification.getEventId() + ", text "
                        + classification
                                .getText()
                                .codePoints()
                                .limit(40)
                                .boxed()
                                .toList());
            }
        }
        if (compared != GOOD + TextEventCorpus.HAND_MADE_GOOD) {
            changes.add(compared + " classifications of good events compared, expected "
                    + (GOOD + TextEventCorpus.HAND_MADE_GOOD));
        }
        return changes;
    }

    private static TextEvent event(String id) {
        return TextEvent.newBuilder()
                .setId(id)
                .setText("a good text")
                .setSource("badinput")
                .setEventTime(Instant.now())
                .build();
    }

    /** CLASSIFIED, or the dead letter's reason after checking it names its source record. */
    private static String outcome(CorpusTopics topics, ConsumerRecord<byte[], byte[]> record, List<String> problems) {
        if (record.topic().equals(topics.classifications)) {
            return TextEventCorpus.CLASSIFIED;
        }
        String reason = DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.REASON);
        String sourceTopic = DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.SOURCE_TOPIC);
        String sourceOffset = DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.SOURCE_OFFSET);
        String message = DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.EXCEPTION_MESSAGE);
        if (reason == null || !topics.events.equals(sourceTopic) || sourceOffset == null || message == null) {
            problems.add("dead letter at offset " + record.offset() + ": reason " + reason + ", source " + sourceTopic
                    + "@" + sourceOffset + ", message " + message);
        }
        return reason == null ? "NO_REASON" : reason;
    }
}
