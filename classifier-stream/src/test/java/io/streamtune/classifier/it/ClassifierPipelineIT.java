package io.streamtune.classifier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamtune.classifier.ClassifierRuntime;
import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.classifier.deadletter.DeadLetterHeaders;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.testsupport.KafkaStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classifier against a real broker and a real schema registry, with a deterministic stand-in model so that the
 * Kafka side (exactly-once, dead letters, reload, readiness) is tested on its own.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ClassifierPipelineIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    @TempDir
    Path folder;

    @AutoClose
    private StreamHarness harness;

    @AutoClose
    private ClassifierRuntime runtime;

    @Test
    void shouldClassifyEventsAndDeadLetterBadOnesWithoutStopping() throws Exception {
        harness = new StreamHarness(STACK, 2);
        harness.publish(1, ModelStatus.PROMOTED, "sha-1");
        runtime = start(new FakeLoader());
        harness.sendRaw("bad-1", "not avro".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 40; i++) {
            harness.send("e-" + i, i % 2 == 0 ? "a good day " + i : "a bad day " + i);
        }
        harness.send("empty", " ");
        harness.flush();

        List<ConsumerRecord<String, Classification>> results;
        try (KafkaConsumer<String, Classification> consumer = harness.classifications()) {
            results = StreamHarness.readAtLeast(consumer, 40, Duration.ofSeconds(90));
        }
        List<ConsumerRecord<String, byte[]>> letters;
        try (KafkaConsumer<String, byte[]> consumer = harness.deadLetters()) {
            letters = StreamHarness.readAtLeast(consumer, 2, Duration.ofSeconds(60));
        }

        assertThat(results).hasSize(40);
        Map<String, Classification> byKey = results.stream()
                .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value, (a, b) -> a, TreeMap::new));
        assertThat(byKey).hasSize(40);
        Classification first = byKey.get("e-0");
        assertThat(first.getEventId()).isEqualTo("e-0");
        assertThat(first.getLabel()).isEqualTo("positive");
        assertThat(first.getModelName()).isEqualTo(StreamHarness.MODEL);
        assertThat(first.getModelVersion()).isEqualTo(1);
        assertThat(first.getScores()).containsOnlyKeys("positive", "negative");
        assertThat(first.getBatchSize()).isBetween(1, 16);
        assertThat(byKey.get("e-1").getLabel()).isEqualTo("negative");
        assertThat(letters)
                .extracting(letter -> DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.REASON))
                .containsExactlyInAnyOrder("UNDESERIALIZABLE", "EMPTY_TEXT");
        assertThat(runtime.metrics().deadLetters()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(get("/health/ready").statusCode()).isEqualTo(200));
        assertThat(get("/model").body()).contains("\"version\":1");
        assertThat(get("/metrics").body()).contains("streamtune_classified_records_total{instance_id=\"it-1\"} 40.0");
    }

    @Test
    void shouldRefuseABrokenVersionAndKeepServingThePreviousOne() throws Exception {
        harness = new StreamHarness(STACK, 1);
        harness.publish(1, ModelStatus.PROMOTED, "sha-1");
        runtime = start(new FakeLoader().breakVersion(2));

        harness.publish(2, ModelStatus.PROMOTED, "sha-2");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(runtime.metrics().failedReloads()).isEqualTo(1));
        harness.send("after", "good");
        harness.flush();

        try (KafkaConsumer<String, Classification> consumer = harness.classifications()) {
            Classification result = StreamHarness.readAtLeast(consumer, 1, Duration.ofSeconds(60))
                    .get(0)
                    .value();
            assertThat(result.getModelVersion()).isEqualTo(1);
        }
        assertThat(runtime.metrics().servedVersion()).isEqualTo(1);
    }

    @Test
    void shouldReloadUnderLoadWithoutLosingOrDuplicatingAndUseOnlyTheNewVersionAfterTheSwap() throws Exception {
        harness = new StreamHarness(STACK, 2);
        harness.publish(1, ModelStatus.PROMOTED, "sha-1");
        runtime = start(new FakeLoader());
        await().atMost(Duration.ofSeconds(60)).until(runtime::isReady);
        LoadGenerator load = new LoadGenerator(harness, i -> "text " + i);
        load.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.metrics().classified() >= 500);
        harness.publish(2, ModelStatus.PROMOTED, "sha-2");
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.metrics().servedVersion() == 2);
        int total = load.finishAfter(500);

        List<ConsumerRecord<String, Classification>> results;
        try (KafkaConsumer<String, Classification> consumer = harness.classifications()) {
            results = StreamHarness.readAtLeast(consumer, total, Duration.ofSeconds(120));
        }
        ReloadChecks.assertEachEventOnceAndOnlyTheNewVersionAfterTheSwap(results, total, 1, 2);
    }

    private ClassifierRuntime start(FakeLoader loader) throws Exception {
        Map<String, String> config = harness.classifierConfig("it-1", folder.resolve("state"), folder.resolve("store"));
        return ClassifierRuntime.start(new ClassifierConfig(config), loader, Duration.ofSeconds(60));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + runtime.httpPort() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
