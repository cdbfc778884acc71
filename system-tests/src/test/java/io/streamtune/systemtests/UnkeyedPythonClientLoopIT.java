package io.streamtune.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamtune.classifier.ClassifierRuntime;
import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.schemas.LabelCorrection;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.schemas.TextEvent;
import io.streamtune.schemas.serde.ConfluentAvroSerializer;
import io.streamtune.systemtests.security.WordVotesLoader;
import io.streamtune.systemtests.security.WordVotesTuner;
import io.streamtune.testsupport.KafkaStack;
import io.streamtune.trainer.Trainer;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.round.Example;
import io.streamtune.trainer.round.RoundOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys cannot break learning: text events produced with no key and corrections produced with no key or a string key,
 * all by Confluent's Python client as the README shows it ({@code ops/python/streamtune_avro.py}), are classified
 * (keyed by the event id), matched, put in the training set, and a round learns from them: version 2 is PROMOTED and
 * classifies later unkeyed events as corrected, one of them sent with the README's Java producer code. The model is the instant word-vote stand-in of the security test, so
 * what version 2 learnt shows in what it says. Fails when the Python client is missing under {@code CI=true}; skips
 * otherwise.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class UnkeyedPythonClientLoopIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    private static final Path TEXT_EVENT = Path.of("../schemas/src/main/avro/TextEvent.avsc");
    private static final Path LABEL_CORRECTION = Path.of("../schemas/src/main/avro/LabelCorrection.avsc");
    private static final List<String> LABELS = List.of("neg", "pos");
    private static final int CORRECTED = 20;
    private static final int LATER = 6;
    private static final Duration WAIT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    private PythonAvroClient python;

    @BeforeEach
    void requirePythonClient() {
        python = new PythonAvroClient(dir, STACK.bootstrapServers(), STACK.schemaRegistryUrl());
        String unavailable = python.unavailableReason();
        String hint = "; install it with: " + PythonAvroClient.INSTALL_HINT;
        if (unavailable != null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true and " + unavailable + hint);
        }
        assumeTrue(unavailable == null, () -> "skipping the Python client loop: " + unavailable + hint);
    }

    @Test
    void shouldLearnFromUnkeyedEventsAndUnkeyedOrStringKeyedCorrectionsWrittenByConfluentsPythonClient()
            throws Exception {
        try (LoopStack loop = new LoopStack(STACK)) {
            Path store = dir.resolve("models");
            TrainerConfig config = trainerConfig(loop, store);
            WordVotesTuner tuner = new WordVotesTuner();
            RoundOutcome first = Trainer.bootstrap(config, tuner, bootstrapExamples());
            assertThat(first.version()).isEqualTo(1);
            AtomicReference<RuntimeException> trainerFailure = new AtomicReference<>();

            try (ClassifierRuntime classifier = ClassifierRuntime.start(
                            classifierConfig(loop, store),
                            new WordVotesLoader(new FileSystemModelStore(store), LABELS),
                            WAIT);
                    Trainer trainer = Trainer.start(config, tuner, trainerFailure::set)) {
                await().atMost(WAIT).until(classifier::isReady);
                await().atMost(WAIT).until(trainer::isHealthy);

                produceEvents(loop, "early-", CORRECTED, "the plot was wicked");
                Map<String, String> early = verdicts(python.consume(loop.classifications, CORRECTED), "early-");
                assertThat(early)
                        .as("unkeyed events are classified, keyed by their id; version 1 never saw 'wicked'")
                        .hasSize(CORRECTED)
                        .allSatisfy((key, verdict) -> assertThat(verdict).isEqualTo(key + " neg@v1"));

                produceCorrections(loop);
                assertThat(python.consume(loop.events, CORRECTED))
                        .as("the Python client sent the events with no key")
                        .allSatisfy(
                                record -> assertThat(record.get("key").isNull()).isTrue());
                assertThat(python.consume(loop.corrections, CORRECTED))
                        .as("half the corrections with no key, half with the event id as a string key")
                        .filteredOn(record -> record.get("key").isNull())
                        .hasSize(CORRECTED / 2);
                ModelVersion promoted = awaitVersionTwo(loop, trainer, trainerFailure);
                assertThat(promoted.getStatus()).isEqualTo(ModelStatus.PROMOTED);
                assertThat(trainingSet(loop))
                        .as("every correction, unkeyed or string-keyed, is in the training set with its text")
                        .hasSize(CORRECTED)
                        .allSatisfy((eventId, correction) -> {
                            assertThat(correction.getLabel()).isEqualTo("pos");
                            assertThat(correction.getText()).isEqualTo("the plot was wicked");
                        });
                await().atMost(WAIT).until(() -> classifier.metrics().servedVersion() == 2);

                produceEvents(loop, "later-", LATER - 1, "what a wicked plot");
                sendAsTheReadmeShowsInJava(loop, "later-java", "what a wicked plot");
                Map<String, String> later = verdicts(python.consume(loop.classifications, CORRECTED + LATER), "later-");
                System.out.printf(
                        "python loop: %d unkeyed events -> v1 neg; %d corrections (half unkeyed) -> v2 %s on %d"
                                + " examples; later unkeyed events (one from Java) %s%n",
                        CORRECTED, CORRECTED, promoted.getStatus(), promoted.getTrainingSetSize(), later.values());
                assertThat(later)
                        .as("version 2 learnt 'wicked' from the corrections")
                        .hasSize(LATER)
                        .allSatisfy((key, verdict) -> assertThat(verdict).isEqualTo(key + " pos@v2"));
                assertThat(classifier.metrics().deadLetters()).isZero();
                assertThat(trainerFailure.get()).isNull();
            }
        }
    }

    private void produceEvents(LoopStack loop, String prefix, int count, String text) throws Exception {
        List<String> events = IntStream.range(0, count)
                .mapToObj(i -> "{\"id\":\"" + prefix + i + "\",\"text\":\"" + text + "\",\"source\":\"python\"}")
                .toList();
        assertThat(python.produce(loop.events, TEXT_EVENT, events, null)).isEqualTo(count);
    }

    /** The README's Java producer: no key, {@code ConfluentAvroSerializer} from the {@code schemas} module. */
    private static void sendAsTheReadmeShowsInJava(LoopStack loop, String id, String text) throws Exception {
        Properties config = new Properties();
        config.put("bootstrap.servers", STACK.bootstrapServers());
        config.put("schema.registry.url", STACK.schemaRegistryUrl());
        config.put("auto.register.schemas", "true");
        config.put("key.serializer", StringSerializer.class.getName());
        config.put("value.serializer", ConfluentAvroSerializer.class.getName());
        try (KafkaProducer<String, TextEvent> producer = new KafkaProducer<>(config)) {
            TextEvent event = TextEvent.newBuilder()
                    .setId(id)
                    .setText(text)
                    .setSource("java")
                    .setEventTime(Instant.now())
                    .build();
            producer.send(new ProducerRecord<>(loop.events, event)).get();
        }
    }

    /** Half the corrections with no key, half keyed by their event id as a string. */
    private void produceCorrections(LoopStack loop) throws Exception {
        List<String> corrections = IntStream.range(0, CORRECTED)
                .mapToObj(i -> "{\"eventId\":\"early-" + i
                        + "\",\"label\":\"pos\",\"previousLabel\":\"neg\",\"annotator\":\"python\"}")
                .toList();
        int half = CORRECTED / 2;
        assertThat(python.produce(loop.corrections, LABEL_CORRECTION, corrections.subList(0, half), null))
                .isEqualTo(half);
        assertThat(python.produce(loop.corrections, LABEL_CORRECTION, corrections.subList(half, CORRECTED), "eventId"))
                .isEqualTo(CORRECTED - half);
    }

    /**
     * The classifications with the id prefix as {@code key -> "eventId label@vN"}, so a key that is not the event id
     * shows.
     */
    private static Map<String, String> verdicts(List<JsonNode> records, String prefix) {
        Map<String, String> verdicts = new TreeMap<>();
        for (JsonNode record : records) {
            JsonNode value = record.get("value");
            if (value.get("eventId").asText().startsWith(prefix)) {
                verdicts.put(
                        record.get("key").asText(),
                        value.get("eventId").asText() + " " + value.get("label").asText() + "@v"
                                + value.get("modelVersion").asLong());
            }
        }
        return verdicts;
    }

    private static ModelVersion awaitVersionTwo(
            LoopStack loop, Trainer trainer, AtomicReference<RuntimeException> trainerFailure) {
        List<ModelVersion> seen = new ArrayList<>();
        try (KafkaConsumer<String, ModelVersion> versions = loop.versionsConsumer()) {
            await().atMost(WAIT)
                    .failFast("a round failed", () -> trainer.metrics().value("rounds-failed-total") > 0)
                    .failFast("the trainer stopped", () -> trainerFailure.get() != null)
                    .until(() -> {
                        versions.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
                        return seen.stream().anyMatch(UnkeyedPythonClientLoopIT::isDecisionOnVersionTwo);
                    });
        }
        return seen.stream()
                .filter(UnkeyedPythonClientLoopIT::isDecisionOnVersionTwo)
                .findFirst()
                .orElseThrow();
    }

    private static boolean isDecisionOnVersionTwo(ModelVersion version) {
        return version.getVersion() == 2 && version.getStatus() != ModelStatus.CANDIDATE;
    }

    /** The training set's corrections of the early events, latest per event id. */
    private static Map<String, LabelCorrection> trainingSet(LoopStack loop) {
        Map<String, LabelCorrection> byEvent = new HashMap<>();
        try (KafkaConsumer<String, LabelCorrection> consumer = loop.trainingSetConsumer()) {
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.value().getEventId().startsWith("early-")) {
                        byEvent.put(r.value().getEventId(), r.value());
                    }
                });
                return byEvent.size() >= CORRECTED;
            });
        }
        return byEvent;
    }

    private TrainerConfig trainerConfig(LoopStack loop, Path store) {
        Map<String, Object> settings = loop.trainerSettings(store, dir.resolve("trainer-state"));
        settings.put(TrainerConfig.ROUND_TRIGGER_CORRECTIONS, String.valueOf(CORRECTED));
        settings.put(TrainerConfig.ROUND_TRIGGER_INTERVAL_MINUTES, "10000");
        settings.put(TrainerConfig.ROUND_HOLDOUT_FRACTION, "0.3");
        settings.put(TrainerConfig.ROUND_RETRY_BACKOFF_MS, "1000");
        settings.put(TrainerConfig.FEEDBACK_JOIN_MAX_WAIT_MS, "3000");
        settings.put(TrainerConfig.FEEDBACK_JOIN_CHECK_INTERVAL_MS, "500");
        settings.put(TrainerConfig.KAFKA_PREFIX + "commit.interval.ms", "100");
        return new TrainerConfig(settings);
    }

    private ClassifierConfig classifierConfig(LoopStack loop, Path store) {
        Map<String, String> settings = loop.classifierSettings(store, dir.resolve("classifier-state"));
        settings.put(ClassifierConfig.BATCH_MAX_RECORDS, "16");
        settings.put(ClassifierConfig.KAFKA_PREFIX + "commit.interval.ms", "100");
        return new ClassifierConfig(settings);
    }

    private static List<Example> bootstrapExamples() {
        List<Example> examples = new ArrayList<>();
        IntStream.range(0, 15).forEach(i -> examples.add(new Example("b-pos-" + i, "great lovely film " + i, "pos")));
        IntStream.range(0, 15).forEach(i -> examples.add(new Example("b-neg-" + i, "awful boring film " + i, "neg")));
        return examples;
    }
}
