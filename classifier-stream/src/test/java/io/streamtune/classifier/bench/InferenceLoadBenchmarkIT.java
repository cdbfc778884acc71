package io.streamtune.classifier.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamtune.classifier.ClassifierRuntime;
import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.classifier.engine.EngineModelLoader;
import io.streamtune.classifier.it.StreamHarness;
import io.streamtune.classifier.metrics.ClassifierMetrics;
import io.streamtune.classifier.metrics.Histogram;
import io.streamtune.model.artifact.FileSystemModelStore;
import io.streamtune.model.artifact.StoredVersion;
import io.streamtune.model.classify.ClassifierSettings;
import io.streamtune.schemas.ModelStatus;
import io.streamtune.testsupport.KafkaStack;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inference over HTTP under load, in one run on one instance: MiniLM-L6 (full size), batches of 32, one partition
 * and one stream thread, the sentiment sentences. Reports p50 / p99 of one-text infer requests at 1, 8 and 32
 * closed-loop clients with the stream idle, then the stream's throughput alone and while 8 HTTP clients run, with
 * their latencies. Prints ratios, asserts no timing. Run with {@code ./mvnw -pl classifier-stream verify
 * -Dit.test=InferenceLoadBenchmarkIT -Dbenchmark=true}; writes {@code target/inference-load-benchmark.txt}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class InferenceLoadBenchmarkIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    private static final int BATCH = 32;
    private static final int STREAM_TEXTS = 1_600;
    private static final int[] CLIENTS = {1, 8, 32};
    private static final int REQUESTS_PER_CONCURRENCY = 320;
    private static final int CLIENTS_DURING_STREAM = 8;

    @TempDir
    Path folder;

    @Test
    void shouldReportHttpLatencyAndStreamThroughputWithAndWithoutHttpLoad() throws Exception {
        List<String> texts = SentimentTexts.read();
        FileSystemModelStore store = new FileSystemModelStore(folder.resolve("store"));
        StoredVersion version = MiniLmVersion.write(store, StreamHarness.MODEL, 1);
        StringBuilder report = new StringBuilder("CPU: " + cpuModel() + "\n");
        for (boolean shared : new boolean[] {true, false}) {
            report.append("\nclassifier.batch.shared=").append(shared).append("\n\n");
            measure(store, version, texts, shared, report);
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "inference-load-benchmark.txt"), report.toString());
    }

    private void measure(
            FileSystemModelStore store, StoredVersion version, List<String> texts, boolean shared, StringBuilder report)
            throws Exception {
        try (StreamHarness harness = new StreamHarness(STACK, 1)) {
            harness.publish(1, ModelStatus.PROMOTED, version.manifestSha256());
            String instance = "load-" + shared;
            Map<String, String> config =
                    harness.classifierConfig(instance, folder.resolve("state-" + shared), folder.resolve("store"));
            config.put("batch.max.records", String.valueOf(BATCH));
            config.put("batch.shared", String.valueOf(shared));
            config.put("inference.http.threads", "40");
            try (ClassifierRuntime runtime = ClassifierRuntime.start(
                    new ClassifierConfig(config),
                    new EngineModelLoader(store, ClassifierSettings.defaults().withBatchSize(BATCH)),
                    Duration.ofMinutes(5))) {
                await().atMost(Duration.ofMinutes(2)).until(runtime::isReady);
                HttpLoad http = new HttpLoad(
                        URI.create("http://127.0.0.1:" + runtime.httpPort() + "/v2/models/sentiment/infer"), texts);
                http.run(4, 20); // warm-up: JIT and native
                streamThroughput(harness, runtime, texts, "warm", 2 * BATCH * 4);
                double p99AtOne = httpTable(runtime, http, report);
                streamFigures(harness, runtime, http, texts, p99AtOne, report);
                report.append("stream thread: ")
                        .append(StreamThreadRatios.of(instance + "-StreamThread-1"))
                        .append("\n");
                assertThat(runtime.metrics().deadLetters()).isZero();
            }
        }
    }

    /** The HTTP latencies at each concurrency with the stream idle; returns the p99 at one client. */
    private static double httpTable(ClassifierRuntime runtime, HttpLoad http, StringBuilder report) throws Exception {
        report.append("| HTTP clients | requests | p50 ms | p99 ms | texts/s | texts per pass |\n"
                + "|---|---|---|---|---|---|\n");
        double p99AtOne = 0;
        for (int clients : CLIENTS) {
            PassWindow passes = new PassWindow(runtime.metrics());
            long start = System.nanoTime();
            List<Long> latencies = http.run(clients, REQUESTS_PER_CONCURRENCY / clients);
            double seconds = (System.nanoTime() - start) / 1e9;
            report.append(row(clients, latencies, seconds, passes.textsPerPass()));
            p99AtOne = clients == 1 ? HttpLoad.percentileMillis(latencies, 99) : p99AtOne;
        }
        return p99AtOne;
    }

    private static void streamFigures(
            StreamHarness harness,
            ClassifierRuntime runtime,
            HttpLoad http,
            List<String> texts,
            double p99AtOne,
            StringBuilder report)
            throws Exception {
        PassWindow alonePasses = new PassWindow(runtime.metrics());
        double alone = streamThroughput(harness, runtime, texts, "alone", STREAM_TEXTS);
        String aloneWindow = alonePasses.describe();
        AtomicBoolean streamDone = new AtomicBoolean();
        CompletableFuture<List<Long>> during = CompletableFuture.supplyAsync(() -> {
            try {
                return http.runUntil(CLIENTS_DURING_STREAM, streamDone::get);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        PassWindow loadedPasses = new PassWindow(runtime.metrics());
        double loaded = streamThroughput(harness, runtime, texts, "loaded", STREAM_TEXTS);
        streamDone.set(true);
        appendStreamFigures(report, alone, loaded, during.get(), p99AtOne);
        report.append("stream alone: ")
                .append(aloneWindow)
                .append("\nstream with HTTP: ")
                .append(loadedPasses.describe())
                .append("\n");
    }

    /** Sends texts to the stream and returns texts per second from the first send to the last classification. */
    private static double streamThroughput(
            StreamHarness harness, ClassifierRuntime runtime, List<String> texts, String prefix, int count) {
        long before = runtime.metrics().classified();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            harness.send(prefix + "-" + i, texts.get(i % texts.size()));
        }
        harness.flush();
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> runtime.metrics().classified() >= before + count);
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static String row(int clients, List<Long> latencies, double seconds, double textsPerPass) {
        return String.format(
                Locale.ROOT,
                "| %d | %d | %.1f | %.1f | %.1f | %.1f |%n",
                clients,
                latencies.size(),
                HttpLoad.percentileMillis(latencies, 50),
                HttpLoad.percentileMillis(latencies, 99),
                latencies.size() / seconds,
                textsPerPass);
    }

    /** The shared forward passes from its creation on: texts and callers per pass. */
    private static final class PassWindow {

        private final ClassifierMetrics metrics;
        private final Histogram.Snapshot texts;
        private final Histogram.Snapshot callers;
        private final Histogram.Snapshot batches;

        PassWindow(ClassifierMetrics metrics) {
            this.metrics = metrics;
            this.texts = metrics.passTexts().snapshot();
            this.callers = metrics.passCallers().snapshot();
            this.batches = metrics.batchSize().snapshot();
        }

        double textsPerPass() {
            return mean(texts, metrics.passTexts().snapshot());
        }

        /** Texts and callers per shared pass, and the stream's own batch size, since the window began. */
        String describe() {
            return String.format(
                    Locale.ROOT,
                    "texts per pass %.1f, callers per pass %.1f, stream batch size %.1f",
                    textsPerPass(),
                    mean(callers, metrics.passCallers().snapshot()),
                    mean(batches, metrics.batchSize().snapshot()));
        }

        private static double mean(Histogram.Snapshot from, Histogram.Snapshot to) {
            return (to.sum() - from.sum()) / Math.max(1, to.count() - from.count());
        }
    }

    private static void appendStreamFigures(
            StringBuilder report, double alone, double loaded, List<Long> during, double p99AtOne) {
        double p99During = HttpLoad.percentileMillis(during, 99);
        report.append(String.format(
                Locale.ROOT,
                "%nstream throughput, %d texts: alone %.1f texts/s, with %d HTTP clients %.1f texts/s (ratio %.2f)%n"
                        + "HTTP during the stream: %d requests, p50 %.1f ms, p99 %.1f ms"
                        + " (p99 ratio to 1 client on an idle stream %.2f)%n",
                STREAM_TEXTS,
                alone,
                CLIENTS_DURING_STREAM,
                loaded,
                loaded / alone,
                during.size(),
                HttpLoad.percentileMillis(during, 50),
                p99During,
                p99During / p99AtOne));
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
