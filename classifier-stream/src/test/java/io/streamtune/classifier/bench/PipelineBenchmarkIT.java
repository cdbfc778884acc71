package io.streamtune.classifier.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamtune.classifier.ClassifierRuntime;
import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.classifier.engine.EngineModelLoader;
import io.streamtune.classifier.it.StreamHarness;
import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.classify.ClassifierSettings;
import io.streamtune.model.classify.DjlTextClassifier;
import io.streamtune.schemas.Classification;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.testsupport.KafkaStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end throughput and latency through Kafka against the raw model at the same batch settings, in one run, on
 * the sentiment data: MiniLM-L6 (full size), batches of 32, one partition, one stream thread. Raw throughput is
 * measured before and after the pipeline run and averaged, as other processes share the CPU. Run with
 * {@code ./mvnw -pl classifier-stream verify -Dit.test=PipelineBenchmarkIT -Dbenchmark=true}; prints a table and
 * writes {@code target/pipeline-benchmark.json}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class PipelineBenchmarkIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    private static final int BATCH = 32;
    private static final ClassifierSettings SETTINGS =
            ClassifierSettings.defaults().withBatchSize(BATCH);

    @TempDir
    Path folder;

    @Test
    void shouldKeepPipelineOverheadSmallAgainstTheRawModel() throws Exception {
        List<String> texts = SentimentTexts.read();
        FileSystemModelStore store = new FileSystemModelStore(folder.resolve("store"));
        StoredVersion version = MiniLmVersion.write(store, StreamHarness.MODEL, 1);

        double rawBefore = rawThroughput(version, texts);
        Result pipeline = pipeline(store, version, texts, rawBefore);
        double rawAfter = rawThroughput(version, texts);
        double raw = (rawBefore + rawAfter) / 2;
        double overhead = 1 - pipeline.throughput() / raw;

        String table = String.format(
                Locale.ROOT,
                "%n| measure | value |%n|---|---|%n| texts | %d |%n| raw model, sentences/s (before / after) | %.1f / %.1f |%n"
                        + "| pipeline, sentences/s | %.1f |%n| pipeline overhead | %.1f%% |%n"
                        + "| end-to-end latency at %.0f events/s, p50 / p95 / p99 ms | %d / %d / %d |%n",
                texts.size(),
                rawBefore,
                rawAfter,
                pipeline.throughput(),
                overhead * 100,
                pipeline.pacedRate(),
                pipeline.p50(),
                pipeline.p95(),
                pipeline.p99());
        System.out.println(table);
        Files.writeString(
                Path.of("target", "pipeline-benchmark.json"),
                String.format(
                        Locale.ROOT,
                        "{\"texts\":%d,\"batch\":%d,\"rawBefore\":%.2f,\"rawAfter\":%.2f,\"pipeline\":%.2f,"
                                + "\"overhead\":%.4f,\"pacedRate\":%.1f,\"p50\":%d,\"p95\":%d,\"p99\":%d}%n",
                        texts.size(),
                        BATCH,
                        rawBefore,
                        rawAfter,
                        pipeline.throughput(),
                        overhead,
                        pipeline.pacedRate(),
                        pipeline.p50(),
                        pipeline.p95(),
                        pipeline.p99()));
        assertThat(pipeline.throughput()).isPositive();
    }

    private static double rawThroughput(StoredVersion version, List<String> texts) throws Exception {
        try (DjlTextClassifier classifier = DjlTextClassifier.load(version.folder(), SETTINGS)) {
            long start = System.nanoTime();
            for (int i = 0; i < texts.size(); i += BATCH) {
                classifier.classify(texts.subList(i, Math.min(texts.size(), i + BATCH)));
            }
            return texts.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private Result pipeline(FileSystemModelStore store, StoredVersion version, List<String> texts, double raw)
            throws Exception {
        try (StreamHarness harness = new StreamHarness(STACK, 1)) {
            harness.publish(1, ModelStatus.PROMOTED, version.manifestSha256());
            for (int i = 0; i < texts.size(); i++) {
                harness.send("t-" + i, texts.get(i));
            }
            harness.flush();
            Map<String, String> config =
                    harness.classifierConfig("bench-1", folder.resolve("state"), folder.resolve("store"));
            config.put("batch.max.records", String.valueOf(BATCH));
            try (ClassifierRuntime runtime = ClassifierRuntime.start(
                            new ClassifierConfig(config),
                            new EngineModelLoader(store, SETTINGS),
                            Duration.ofMinutes(5));
                    KafkaConsumer<String, Classification> consumer = harness.classifications()) {
                List<ConsumerRecord<String, Classification>> saturated =
                        StreamHarness.readAtLeast(consumer, texts.size(), Duration.ofMinutes(10));
                double throughput = throughput(saturated);
                double rate = raw / 2;
                List<Long> latencies = paced(harness, consumer, texts.subList(0, Math.min(600, texts.size())), rate);
                assertThat(runtime.metrics().deadLetters()).isZero();
                return new Result(
                        throughput,
                        rate,
                        percentile(latencies, 50),
                        percentile(latencies, 95),
                        percentile(latencies, 99));
            }
        }
    }

    /** Sentences per second between the end of the first batch and the last classification. */
    private static double throughput(List<ConsumerRecord<String, Classification>> results) {
        long first = results.get(0).value().getClassifiedTime().toEpochMilli();
        long last = results.get(results.size() - 1).value().getClassifiedTime().toEpochMilli();
        int firstBatch = results.get(0).value().getBatchSize();
        return (results.size() - firstBatch) / Math.max(0.001, (last - first) / 1000.0);
    }

    private static List<Long> paced(
            StreamHarness harness, KafkaConsumer<String, Classification> consumer, List<String> texts, double rate)
            throws InterruptedException {
        long intervalNanos = (long) (1e9 / rate);
        long next = System.nanoTime();
        for (int i = 0; i < texts.size(); i++) {
            harness.send("p-" + i, texts.get(i));
            next += intervalNanos;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
        }
        harness.flush();
        List<Long> latencies = new ArrayList<>();
        await().atMost(Duration.ofMinutes(5)).until(() -> {
            for (ConsumerRecord<String, Classification> record : consumer.poll(Duration.ofMillis(200))) {
                Classification value = record.value();
                latencies.add(value.getClassifiedTime().toEpochMilli()
                        - value.getEventTime().toEpochMilli());
            }
            return latencies.size() >= texts.size();
        });
        return latencies;
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }

    private record Result(double throughput, double pacedRate, long p50, long p95, long p99) {}
}
