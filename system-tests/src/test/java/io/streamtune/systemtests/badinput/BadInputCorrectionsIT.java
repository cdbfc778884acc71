package io.streamtune.systemtests.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamtune.classifier.ClassifierRuntime;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.serde.ConfluentAvroSerializer;
import io.streamtune.schemas.serde.WireFormat;
import io.streamtune.systemtests.StandInModel;
import io.streamtune.testsupport.KafkaStack;
import io.streamtune.trainer.Trainer;
import io.streamtune.trainer.config.TrainerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The label-corrections corpus against the trainer's feedback ingestion and the classifier (stand-in model, so that
 * id-only corrections find their texts), both in-process on the real broker and registry: every correction reaches
 * the training set or the dead-letter topic with the expected reason, none is lost, and both keep running. Includes
 * bad records on the trainer's other input, classifications, and 10,000 corrections from one annotator within about
 * a second against a limit of {@value #RATE_LIMIT} a minute.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class BadInputCorrectionsIT {

    private static final long SEED = 20261127L;
    private static final int CLASSIFIED_EVENTS = 30;
    private static final int RANDOM_BODIES = 50;
    private static final int MUTATIONS = 150;
    private static final int BULK = 10_000;
    private static final int RATE_LIMIT = 100;
    private static final String BULK_ANNOTATOR = "bulk-bot";
    private static final String BULK_KIND = "bulk: 10,000 from one annotator in 1 s";
    private static final Duration JOIN_WAIT = Duration.ofSeconds(3);

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    @TempDir
    Path folder;

    @Test
    void shouldTrainOnGoodCorrectionsAndDeadLetterEveryBadOneWithoutStopping() throws Exception {
        try (CorpusTopics topics = new CorpusTopics(STACK)) {
            topics.promoteStandInModel();
            AtomicReference<RuntimeException> trainerFailure = new AtomicReference<>();
            try (ClassifierRuntime classifier = StandInModel.startClassifier(
                            topics.classifierConfig(folder.resolve("classifier-state"), folder.resolve("store")));
                    Trainer trainer = Trainer.start(trainerConfig(topics), new NoRoundsTuner(), trainerFailure::set)) {
                await().atMost(Duration.ofMinutes(1)).until(trainer::isHealthy);
                List<String> classified = classifyEvents(topics);

                ConfluentAvroSerializer<LabelCorrection> serializer = topics.serializer();
                int textEventSchemaId =
                        WireFormat.schemaId(topics.<TextEvent>serializer().serialize(topics.events, event("probe")));
                CorrectionCorpus corpus =
                        new CorrectionCorpus(SEED, c -> serializer.serialize(topics.corrections, c), textEventSchemaId);
                List<CorpusRecord> corrections = corpus.build(classified, RANDOM_BODIES, MUTATIONS, 0);
                List<CorpusRecord> badClassifications = badClassifications(BULK + corrections.size() + 1_000_000);
                List<CorpusRecord> bulk = bulk(corpus, 2_000_000);

                Map<Integer, Future<RecordMetadata>> sent = new HashMap<>();
                corrections.forEach(
                        r -> sent.put(r.sequence(), topics.send(r.toProducerRecord(topics.corrections, null))));
                badClassifications.forEach(
                        r -> sent.put(r.sequence(), topics.send(r.toProducerRecord(topics.classifications, null))));
                long minute = Instant.now().toEpochMilli() / 60_000 * 60_000;
                long started = System.nanoTime();
                for (int i = 0; i < bulk.size(); i++) {
                    CorpusRecord record = bulk.get(i);
                    long timestamp = minute + 100 + i * 1000L / BULK;
                    sent.put(record.sequence(), topics.send(record.toProducerRecord(topics.corrections, timestamp)));
                }
                topics.flush();
                System.out.printf(
                        "%,d corrections of %s sent in %d ms (record times within 1 s of one minute)%n",
                        BULK, BULK_ANNOTATOR, (System.nanoTime() - started) / 1_000_000);
                Map<Integer, RecordMetadata> where = new HashMap<>();
                for (var entry : sent.entrySet()) {
                    where.put(entry.getKey(), entry.getValue().get());
                }

                List<CorpusRecord> all = new ArrayList<>(corrections);
                all.addAll(badClassifications);
                all.addAll(bulk);
                List<ConsumerRecord<byte[], byte[]>> out = topics.read(
                        List.of(topics.trainingSet, topics.correctionDeadLetters),
                        all.size(),
                        Duration.ofMinutes(4),
                        JOIN_WAIT.plusSeconds(3));
                Ledger ledger = new Ledger("label-corrections (+ bad classifications)", all);
                List<String> problems = new ArrayList<>();
                CorrectionOutcomes reader = new CorrectionOutcomes(topics, all, where, problems);
                out.forEach(r -> ledger.record(reader.sequenceOf(r), reader.outcomeOf(r)));
                System.out.println(ledger.table());

                assertThat(trainerFailure.get()).as("trainer failure").isNull();
                assertThat(trainer.isHealthy()).as("trainer healthy").isTrue();
                assertThat(trainer.ingestionState()).isEqualTo(KafkaStreams.State.RUNNING);
                assertThat(classifier.streamsState()).isEqualTo(KafkaStreams.State.RUNNING);
                assertThat(ledger.lost()).as("lost records").isEmpty();
                assertThat(ledger.duplicatedOrUnknown())
                        .as("duplicated records")
                        .isEmpty();
                assertThat(ledger.wrongOutcomes())
                        .as("records with another outcome than expected")
                        .isEmpty();
                assertThat(problems)
                        .as("dead letters without reason, training examples without text")
                        .isEmpty();
                assertThat(ledger.countsOf(BULK_KIND))
                        .as(
                                "%d of the annotator's corrections in that minute accepted, the rest rate-limited",
                                RATE_LIMIT)
                        .containsOnly(
                                Map.entry(CorrectionCorpus.TRAINING_SET, RATE_LIMIT),
                                Map.entry("RATE_LIMITED", BULK - RATE_LIMIT));
                assertThat(acceptedAfterARefusal(bulk, where, ledger))
                        .as("within each partition, accepted corrections all come before the first refused one")
                        .isEmpty();
            }
        }
    }

    /**
     * A correction whose first string announces 3,000,000,000 bytes: Avro throws UnsupportedOperationException, which
     * {@code AbstractAvroDeserializer.decode} did not turn into a WireFormatException (fixed in schemas 69edc75), and
     * {@code CorrectionProcessor.process} catches only SerializationException: one such record would stop ingestion.
     */
    @Test
    void shouldDeadLetterAStringLengthOverTheJavaLimit() throws Exception {
        try (CorpusTopics topics = new CorpusTopics(STACK)) {
            AtomicReference<RuntimeException> trainerFailure = new AtomicReference<>();
            try (Trainer trainer = Trainer.start(trainerConfig(topics), new NoRoundsTuner(), trainerFailure::set)) {
                await().atMost(Duration.ofMinutes(1)).until(trainer::isHealthy);
                ConfluentAvroSerializer<LabelCorrection> serializer = topics.serializer();
                CorrectionCorpus corpus = new CorrectionCorpus(
                        SEED, c -> serializer.serialize(topics.corrections, c), TextEventCorpus.UNKNOWN_SCHEMA_ID);
                byte[] before = corpus.correction("k", "pos", "a text before", CorrectionCorpus.ANNOTATOR);
                byte[] poison = AvroBytes.firstStringWithLength(WireFormat.schemaId(before), 3_000_000_000L);
                byte[] after = corpus.correction("k2", "pos", "a text after", CorrectionCorpus.ANNOTATOR);
                List<CorpusRecord> all = List.of(
                        new CorpusRecord(0, "good", CorpusTopics.bytes("k"), before, CorrectionCorpus.TRAINING_SET),
                        new CorpusRecord(1, "string length 3e9", CorpusTopics.bytes("k1"), poison, "MALFORMED"),
                        new CorpusRecord(2, "good", CorpusTopics.bytes("k2"), after, CorrectionCorpus.TRAINING_SET));
                Map<Integer, RecordMetadata> where = new HashMap<>();
                for (CorpusRecord record : all) {
                    // one partition, so the good one after the poison one waits behind it
                    ProducerRecord<byte[], byte[]> sent = record.toProducerRecord(topics.corrections, null);
                    where.put(
                            record.sequence(),
                            topics.send(new ProducerRecord<>(
                                            sent.topic(),
                                            0,
                                            sent.timestamp(),
                                            sent.key(),
                                            sent.value(),
                                            sent.headers()))
                                    .get());
                }
                List<ConsumerRecord<byte[], byte[]>> out = topics.read(
                        List.of(topics.trainingSet, topics.correctionDeadLetters),
                        all.size(),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(1));
                Ledger ledger = new Ledger("label-corrections (string length over the Java limit)", all);
                List<String> problems = new ArrayList<>();
                CorrectionOutcomes reader = new CorrectionOutcomes(topics, all, where, problems);
                out.forEach(r -> ledger.record(reader.sequenceOf(r), reader.outcomeOf(r)));
                System.out.println(ledger.table());
                assertThat(trainer.isHealthy()).as("trainer healthy").isTrue();
                assertThat(ledger.lost()).isEmpty();
                assertThat(ledger.wrongOutcomes()).isEmpty();
            }
        }
    }

    /** Sends good events and waits until all are classified; returns their ids. */
    private static List<String> classifyEvents(CorpusTopics topics) {
        ConfluentAvroSerializer<TextEvent> serializer = topics.serializer();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CLASSIFIED_EVENTS; i++) {
            String id = "ev-" + i;
            ids.add(id);
            topics.send(new ProducerRecord<>(
                    topics.events, CorpusTopics.bytes(id), serializer.serialize(topics.events, event(id))));
        }
        topics.flush();
        assertThat(topics.read(List.of(topics.classifications), ids.size(), Duration.ofMinutes(1), Duration.ZERO))
                .hasSize(ids.size());
        return ids;
    }

    /** Bad bytes and a tombstone on the trainer's other input, classifications. */
    private static List<CorpusRecord> badClassifications(int firstSequence) {
        String kind = "classifications: bad bytes";
        return List.of(
                new CorpusRecord(
                        firstSequence, kind, CorpusTopics.bytes("bad-c-0"), CorpusTopics.bytes("no avro"), "MALFORMED"),
                new CorpusRecord(
                        firstSequence + 1, kind, CorpusTopics.bytes("bad-c-1"), new byte[] {0, 0, 0}, "MALFORMED"),
                new CorpusRecord(
                        firstSequence + 2,
                        kind,
                        CorpusTopics.bytes("bad-c-2"),
                        WireFormat.header(TextEventCorpus.UNKNOWN_SCHEMA_ID),
                        "MALFORMED"),
                new CorpusRecord(firstSequence + 3, kind, CorpusTopics.bytes("bad-c-3"), null, "MALFORMED"));
    }

    private static List<CorpusRecord> bulk(CorrectionCorpus corpus, int firstSequence) {
        List<CorpusRecord> bulk = new ArrayList<>();
        for (int i = 0; i < BULK; i++) {
            String eventId = "bulk-" + i;
            byte[] value = corpus.correction(eventId, i % 2 == 0 ? "pos" : "neg", "bulk text " + i, BULK_ANNOTATOR);
            bulk.add(new CorpusRecord(
                    firstSequence + i, BULK_KIND, CorpusTopics.bytes(eventId), value, CorpusRecord.EITHER));
        }
        return bulk;
    }

    /**
     * The limit is per annotator per minute of record time, whatever partition a correction was sent to: the
     * trainer counts in one task after repartitioning by annotator. That task reads each source partition in order,
     * so within a partition the accepted corrections are the first ones; returns those accepted after a refused one.
     */
    private static List<String> acceptedAfterARefusal(
            List<CorpusRecord> bulk, Map<Integer, RecordMetadata> where, Ledger ledger) {
        Map<Integer, TreeMap<Long, CorpusRecord>> byPartition = new TreeMap<>();
        for (CorpusRecord record : bulk) {
            RecordMetadata metadata = where.get(record.sequence());
            byPartition
                    .computeIfAbsent(metadata.partition(), p -> new TreeMap<>())
                    .put(metadata.offset(), record);
        }
        List<String> late = new ArrayList<>();
        byPartition.forEach((partition, records) -> {
            boolean refused = false;
            int accepted = 0;
            for (var entry : records.entrySet()) {
                List<String> outcomes = ledger.outcomesOf(entry.getValue().sequence());
                boolean ok = outcomes.equals(List.of(CorrectionCorpus.TRAINING_SET));
                if (ok && refused) {
                    late.add("partition " + partition + " offset " + entry.getKey());
                }
                refused |= !ok;
                accepted += ok ? 1 : 0;
            }
            System.out.printf("partition %d: %,d bulk corrections, %d accepted%n", partition, records.size(), accepted);
        });
        return late;
    }

    private TrainerConfig trainerConfig(CorpusTopics topics) {
        return topics.trainerConfig(
                folder.resolve("trainer-state"),
                folder.resolve("store"),
                JOIN_WAIT,
                Map.of(
                        TrainerConfig.FEEDBACK_ANNOTATORS_ALLOWED,
                        CorrectionCorpus.ANNOTATOR + "," + BULK_ANNOTATOR,
                        TrainerConfig.FEEDBACK_ANNOTATOR_RATE_LIMIT,
                        String.valueOf(RATE_LIMIT)));
    }

    private static TextEvent event(String id) {
        return TextEvent.newBuilder()
                .setId(id)
                .setText("a good text " + id)
                .setSource("badinput")
                .setEventTime(Instant.now())
                .build();
    }
}
