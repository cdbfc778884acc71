package io.streamtune.systemtests.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamtune.classifier.ClassifierRuntime;
import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.schemas.ModelVersion;
import io.streamtune.testsupport.SelfSignedCertificate;
import io.streamtune.trainer.Trainer;
import io.streamtune.trainer.config.TrainerConfig;
import io.streamtune.trainer.round.Example;
import io.streamtune.trainer.round.RoundOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop against a broker that requires SASL_SSL with SCRAM-SHA-512 and a registry that requires TLS and
 * basic auth (through {@link RegistryGateway}), with the classifier and the trainer configured only through their
 * normal settings ({@code kafka.*}, {@code registry.*}) and the CLI only through {@code --config client.properties}:
 * the trainer bootstraps version 1, the classifier classifies Avro events with it, corrections reach the trainer,
 * which publishes version 2 PROMOTED, and the classifier serves version 2 and classifies later events (sent with
 * {@code streamtune produce}, read back with {@code streamtune tail}) with it. Then clients without SASL, with a
 * wrong password, as an unknown user or beyond their ACLs are refused, and so is the registry without or with wrong
 * credentials (see {@link SecurityRefusals}). Every client of both apps must carry the settings for this to pass: the
 * broker has no other listener for clients, and the registry is only reachable through the gateway.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SecureLoopIT {

    private static final String APP_USER = "streamtune-app";
    private static final String READER = "dashboard";
    private static final String OUTSIDER = "outsider";
    private static final int CORRECTED = 20;
    private static final int LATER = 10;
    private static final Duration WAIT = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void shouldRunTheWholeLoopOverSaslSslAndAnAuthenticatedTlsRegistryAndRefuseOtherClients() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(folder.resolve("tls"));
        String password = Secrets.random();
        try (SecureStack stack = new SecureStack(
                                folder.resolve("stack"), certificate, Secrets.random(), Secrets.random())
                        .start();
                SecureLoop loop = new SecureLoop(stack, APP_USER, password)) {
            createUsers(stack, password);
            loop.create();
            Path store = folder.resolve("store");
            TrainerConfig trainerConfig = loop.trainerConfig(store, folder.resolve("trainer-state"), CORRECTED);
            WordVotesTuner tuner = new WordVotesTuner();

            RoundOutcome first = Trainer.bootstrap(trainerConfig, tuner, bootstrapExamples());
            assertThat(first.version()).isEqualTo(1);
            assertThat(first.decision().promote()).isTrue();
            runLoop(loop, store, trainerConfig, tuner);

            SecurityRefusals refusals = new SecurityRefusals(stack, APP_USER, password);
            refusals.assertPlaintextClientCannotProduceOrRead(SecureLoop.CLASSIFICATIONS);
            refusals.assertWrongCredentialsCannotProduceOrRead(SecureLoop.CLASSIFICATIONS);
            refusals.assertAuthorizationLimits(
                    READER, OUTSIDER, password, SecureLoop.CLASSIFICATIONS, SecureLoop.EVENTS);
            refusals.assertRegistryRefusesMissingOrWrongCredentials(SecureLoop.EVENTS + "-value");
        }
    }

    /** The SCRAM users (through the Admin API) and their ACLs; the admin was created when the storage was formatted. */
    private static void createUsers(SecureStack stack, String password) throws Exception {
        for (String user : List.of(APP_USER, READER, OUTSIDER)) {
            stack.upsertUser(user, password);
        }
        stack.allow(Grants.application(APP_USER));
        stack.allow(Grants.readOnly(READER, SecureLoop.CLASSIFICATIONS));
    }

    /** Version 1 classifies, corrections make version 2, version 2 classifies what the CLI sends. */
    private void runLoop(SecureLoop loop, Path store, TrainerConfig trainerConfig, WordVotesTuner tuner)
            throws Exception {
        AtomicReference<RuntimeException> trainerFailure = new AtomicReference<>();
        try (ClassifierRuntime classifier = ClassifierRuntime.start(
                        loop.classifierConfig(store, folder.resolve("classifier-state")),
                        new WordVotesLoader(new FileSystemModelStore(store), SecureLoop.LABELS),
                        WAIT);
                Trainer trainer = Trainer.start(trainerConfig, tuner, trainerFailure::set);
                KafkaConsumer<String, Classification> classifications = loop.classifications()) {
            await().atMost(WAIT).until(classifier::isReady);
            await().atMost(WAIT).until(trainer::isHealthy);
            Map<String, Classification> seen = new HashMap<>();

            IntStream.range(0, CORRECTED).forEach(i -> loop.sendEvent("early-" + i, "the plot was wicked"));
            loop.flush();
            awaitClassified(classifications, seen, "early-", CORRECTED);
            assertThat(verdicts(seen, "early-"))
                    .as("version 1 has never seen 'wicked': the first label")
                    .containsExactly(Map.entry("neg@v1", CORRECTED));

            IntStream.range(0, CORRECTED).forEach(i -> loop.sendCorrection("early-" + i, "pos", "neg"));
            loop.flush();
            ModelVersion promoted = awaitPromoted(loop, 2);
            await().atMost(WAIT).until(() -> servedVersion(classifier) == 2);

            Map<String, Integer> tailed = produceAndTailWithTheCli(loop, classifications, seen);
            List<ConsumerRecord<byte[], byte[]>> deadLetters =
                    loop.readAll(List.of(SecureLoop.EVENT_DEAD_LETTERS, SecureLoop.CORRECTION_DEAD_LETTERS), WAIT);
            Map<String, Integer> later = verdicts(seen, "later-");
            System.out.printf(
                    "secure loop: %d events classified by v1 %s; %d corrections -> v2 %s metrics %s;"
                            + " %d later events (streamtune produce --config) %s, as streamtune tail --config"
                            + " printed them %s; dead letters %d%n",
                    CORRECTED,
                    verdicts(seen, "early-"),
                    CORRECTED,
                    promoted.getStatus(),
                    promoted.getMetrics(),
                    LATER,
                    later,
                    tailed,
                    deadLetters.size());

            assertThat(later)
                    .as("version 2 learned 'wicked' from the corrections")
                    .containsExactly(Map.entry("pos@v2", LATER));
            assertThat(tailed).as("streamtune tail").isEqualTo(later);
            assertThat(deadLetters).as("dead letters").isEmpty();
            assertThat(trainerFailure.get()).as("trainer failure").isNull();
            assertThat(classifier.streamsState()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(trainer.isHealthy()).isTrue();
        }
    }

    /**
     * {@code streamtune produce} sends the later events and {@code streamtune tail} prints every classification, both
     * with {@code --config client.properties}; returns the later events' verdicts as tail printed them.
     */
    private Map<String, Integer> produceAndTailWithTheCli(
            SecureLoop loop, KafkaConsumer<String, Classification> classifications, Map<String, Classification> seen)
            throws Exception {
        Path clientProperties = loop.writeClientProperties(folder.resolve("cli/client.properties"));
        Path laterEvents = folder.resolve("cli/later.jsonl");
        Files.write(
                laterEvents,
                IntStream.range(0, LATER)
                        .mapToObj(i -> "{\"id\":\"later-" + i + "\",\"text\":\"what a wicked plot\"}")
                        .toList());
        CliProcess cli = new CliProcess(folder.resolve("cli"));
        String config = clientProperties.toString();
        CliProcess.Result produced = cli.run(
                "produce", WAIT, "produce", laterEvents.toString(), "--topic", SecureLoop.EVENTS, "--config", config);
        assertThat(produced.exitCode())
                .as("streamtune produce: " + produced.err())
                .isZero();
        awaitClassified(classifications, seen, "later-", LATER);

        String max = String.valueOf(CORRECTED + LATER);
        CliProcess.Result tailed = cli.run(
                "tail",
                WAIT,
                "tail",
                "--from-beginning",
                "--json",
                "--max",
                max,
                "--topic",
                SecureLoop.CLASSIFICATIONS,
                "--config",
                config);
        assertThat(tailed.exitCode()).as("streamtune tail: " + tailed.err()).isZero();
        return cliVerdicts(tailed.out(), "later-");
    }

    private static List<Example> bootstrapExamples() {
        List<Example> examples = new ArrayList<>();
        IntStream.range(0, 15).forEach(i -> examples.add(new Example("b-pos-" + i, "great lovely film " + i, "pos")));
        IntStream.range(0, 15).forEach(i -> examples.add(new Example("b-neg-" + i, "awful boring film " + i, "neg")));
        return examples;
    }

    private static void awaitClassified(
            KafkaConsumer<String, Classification> consumer, Map<String, Classification> seen, String prefix, int n) {
        await().atMost(WAIT).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.put(r.key(), r.value()));
            return seen.keySet().stream().filter(id -> id.startsWith(prefix)).count() >= n;
        });
    }

    /** How many of the events with this id prefix got which label from which version, e.g. {@code pos@v2=10}. */
    private static Map<String, Integer> verdicts(Map<String, Classification> seen, String prefix) {
        Map<String, Integer> counts = new TreeMap<>();
        seen.forEach((id, c) -> {
            if (id.startsWith(prefix)) {
                counts.merge(c.getLabel() + "@v" + c.getModelVersion(), 1, Integer::sum);
            }
        });
        return counts;
    }

    /** As {@link #verdicts}, from the JSON lines {@code streamtune tail --json} printed. */
    private static Map<String, Integer> cliVerdicts(List<String> lines, String prefix) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : lines) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode classification = JSON.readTree(line);
            if (classification.path("eventId").asText().startsWith(prefix)) {
                counts.merge(
                        classification.path("label").asText() + "@v"
                                + classification.path("modelVersion").asLong(),
                        1,
                        Integer::sum);
            }
        }
        return counts;
    }

    private static ModelVersion awaitPromoted(SecureLoop loop, long version) {
        AtomicReference<ModelVersion> found = new AtomicReference<>();
        try (KafkaConsumer<String, ModelVersion> versions = loop.modelVersions()) {
            await().atMost(Duration.ofMinutes(2)).until(() -> {
                versions.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.value().getVersion() == version && r.value().getStatus() == ModelStatus.PROMOTED) {
                        found.set(r.value());
                    }
                });
                return found.get() != null;
            });
        }
        return found.get();
    }

    /** The version the classifier's operations endpoint says it serves. */
    private static long servedVersion(ClassifierRuntime classifier) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + classifier.httpPort() + "/model"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        String version = body.replaceAll(".*\"version\":(\\w+).*\\s*", "$1");
        return "null".equals(version) ? 0 : Long.parseLong(version);
    }
}
