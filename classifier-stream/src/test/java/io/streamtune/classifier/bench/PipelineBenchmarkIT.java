package io.streamtune.classifier.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamtune.classifier.ClassifierRuntime;
import io.streamtune.classifier.config.ClassifierConfig;
import io.streamtune.classifier.engine.EngineModelLoader;
import io.streamtune.classifier.it.StreamHarness;
import io.streamtune.classifier.metrics.ClassifierMetrics;
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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end throughput and latency through Kafka against the raw model at the same batch settings, in one run, on
 * the sentiment data: MiniLM-L6 (full size), batches of 32, one partition, one stream thread. Raw throughput is
 * measured (after an untimed warm-up pass) before and after the pipeline run and averaged, as other processes share
 * the CPU. Every phase also
 * records the CPU time of every thread of the JVM and of the registry process, grouped by whom it works for, so the
 * pipeline's overhead can be judged with and without the co-located test broker and registry. Run with {@code
 * ./mvnw -pl classifier-stream verify -Dit.test=PipelineBenchmarkIT -Dbenchmark=true}; prints tables and writes
 * {@code target/pipeline-benchmark.json}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class PipelineBenchmarkIT {

    @RegisterExtension
    static final KafkaStack STACK = new KafkaStack();

    private static final int BATCH = 32;
    private static final int WARM_UP_TEXTS = 20 * BATCH;
    private static final String INSTANCE = "bench-1";
    private static final String STREAM_THREAD = INSTANCE + "-StreamThread-1";
    private static final ClassifierSettings SETTINGS =
            ClassifierSettings.defaults().withBatchSize(BATCH);

    @TempDir
    Path folder;

    @Test
    void shouldKeepPipelineOverheadSmallAgainstTheRawModel() throws Exception {
        List<String> texts = SentimentTexts.read();
        FileSystemModelStore store = new FileSystemModelStore(folder.resolve("store"));
        StoredVersion version = MiniLmVersion.write(store, StreamHarness.MODEL, 1);

        rawThroughput(version, texts.subList(0, WARM_UP_TEXTS)); // JIT and native warm-up, so "before" is not cold
        RawResult before = rawThroughput(version, texts);
        PipelineResult pipeline = pipeline(store, version, texts, before.throughput());
        RawResult after = rawThroughput(version, texts);

        BenchmarkFigures figures = new BenchmarkFigures(texts.size(), before, pipeline, after);
        System.out.println(figures.report());
        Files.writeString(Path.of("target", "pipeline-benchmark.json"), figures.json());
        assertThat(pipeline.throughput()).isPositive();
        assertThat(pipeline.window().classified()).isPositive();
    }

    private static RawResult rawThroughput(StoredVersion version, List<String> texts) throws Exception {
        try (DjlTextClassifier classifier = DjlTextClassifier.load(version.folder(), SETTINGS)) {
            ThreadCpuSnapshot cpuStart = ThreadCpuSnapshot.take();
            long start = System.nanoTime();
            for (int i = 0; i < texts.size(); i += BATCH) {
                classifier.classify(texts.subList(i, Math.min(texts.size(), i + BATCH)));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            CpuBreakdown cpu = CpuBreakdown.between(cpuStart, ThreadCpuSnapshot.take(), seconds, "main", INSTANCE);
            return new RawResult(texts.size() / seconds, cpu);
        }
    }

    private PipelineResult pipeline(FileSystemModelStore store, StoredVersion version, List<String> texts, double raw)
            throws Exception {
        try (StreamHarness harness = new StreamHarness(STACK, 1)) {
            harness.publish(1, ModelStatus.PROMOTED, version.manifestSha256());
            for (int i = 0; i < texts.size(); i++) {
                harness.send("t-" + i, texts.get(i));
            }
            harness.flush();
            Map<String, String> config =
                    harness.classifierConfig(INSTANCE, folder.resolve("state"), folder.resolve("store"));
            config.put("batch.max.records", String.valueOf(BATCH));
            try (ClassifierRuntime runtime = ClassifierRuntime.start(
                            new ClassifierConfig(config),
                            new EngineModelLoader(store, SETTINGS),
                            Duration.ofMinutes(5));
                    KafkaConsumer<String, Classification> consumer = harness.classifications()) {
                List<ConsumerRecord<String, Classification>> saturated =
                        StreamHarness.readAtLeast(consumer, WARM_UP_TEXTS, Duration.ofMinutes(5));
                WindowStart start = WindowStart.now(runtime.metrics());
                saturated.addAll(
                        StreamHarness.readAtLeast(consumer, texts.size() - saturated.size(), Duration.ofMinutes(10)));
                SaturatedWindow window = start.end(runtime.metrics());
                String ratios = StreamThreadRatios.of(STREAM_THREAD);
                double fromFirstBatch = throughput(saturated);
                double rate = raw / 2;
                Latencies latencies = paced(harness, consumer, texts.subList(0, Math.min(600, texts.size())), rate);
                assertThat(runtime.metrics().deadLetters()).isZero();
                return new PipelineResult(
                        window.classified() / window.seconds(),
                        fromFirstBatch,
                        window,
                        ratios,
                        batchSizes(saturated),
                        rate,
                        latencies);
            }
        }
    }

    /**
     * How many batches of each size the saturated run made, from the batch size every classification carries, and
     * where the smaller ones began (first key, seconds after the first classification).
     */
    private static String batchSizes(List<ConsumerRecord<String, Classification>> results) {
        Map<Integer, Long> records = new TreeMap<>(Comparator.reverseOrder());
        List<String> small = new ArrayList<>();
        long first = results.get(0).value().getClassifiedTime().toEpochMilli();
        int remaining = 0;
        for (ConsumerRecord<String, Classification> record : results) {
            int size = record.value().getBatchSize();
            records.merge(size, 1L, Long::sum);
            if (remaining == 0) {
                remaining = size;
                if (size < BATCH) {
                    long at = record.value().getClassifiedTime().toEpochMilli() - first;
                    small.add(String.format(Locale.ROOT, "%s@%.1fs(%d)", record.key(), at / 1000.0, size));
                }
            }
            remaining--;
        }
        StringBuilder text = new StringBuilder();
        records.forEach((size, count) -> text.append(text.isEmpty() ? "" : ", ")
                .append(count / size)
                .append(" x ")
                .append(size));
        text.append("; smaller ones at ").append(small.subList(0, Math.min(12, small.size())));
        return small.size() > 12
                ? text.append(" and ").append(small.size() - 12).append(" more").toString()
                : text.toString();
    }

    /** Sentences per second between the end of the first batch and the last classification. */
    private static double throughput(List<ConsumerRecord<String, Classification>> results) {
        long first = results.get(0).value().getClassifiedTime().toEpochMilli();
        long last = results.get(results.size() - 1).value().getClassifiedTime().toEpochMilli();
        int firstBatch = results.get(0).value().getBatchSize();
        return (results.size() - firstBatch) / Math.max(0.001, (last - first) / 1000.0);
    }

    /**
     * Sends texts at a fixed rate and returns, per classification, its latency by the classifier's own stamp ({@code
     * classifiedTime - eventTime}) and as seen by a read_committed consumer (receipt time - eventTime, so the wait
     * for the transaction commit is included). Texts are sent from their own thread, one flushed send each, while this
     * thread polls.
     */
    private static Latencies paced(
            StreamHarness harness, KafkaConsumer<String, Classification> consumer, List<String> texts, double rate)
            throws InterruptedException {
        Thread sender = new Thread(() -> sendPaced(harness, texts, rate), "paced-sender");
        sender.start();
        List<Long> stamped = new ArrayList<>();
        List<Long> received = new ArrayList<>();
        await().atMost(Duration.ofMinutes(5)).until(() -> {
            ConsumerRecords<String, Classification> records = consumer.poll(Duration.ofMillis(200));
            long now = System.currentTimeMillis();
            for (ConsumerRecord<String, Classification> record : records) {
                Classification value = record.value();
                long eventTime = value.getEventTime().toEpochMilli();
                stamped.add(value.getClassifiedTime().toEpochMilli() - eventTime);
                received.add(now - eventTime);
            }
            return stamped.size() >= texts.size();
        });
        sender.join();
        return new Latencies(stamped, received);
    }

    private static void sendPaced(StreamHarness harness, List<String> texts, double rate) {
        long intervalNanos = (long) (1e9 / rate);
        long next = System.nanoTime();
        for (int i = 0; i < texts.size(); i++) {
            harness.send("p-" + i, texts.get(i));
            harness.flush();
            next += intervalNanos;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                LockSupport.parkNanos(sleep);
            }
        }
    }

    /** Latencies in milliseconds, by the classification's own stamp and by the consumer's receipt. */
    record Latencies(List<Long> stamped, List<Long> received) {

        static long percentile(List<Long> values, int percent) {
            List<Long> sorted = values.stream().sorted().toList();
            return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
        }

        String describe(List<Long> values) {
            return percentile(values, 50) + " / " + percentile(values, 95) + " / " + percentile(values, 99);
        }
    }

    /** Where the saturated window began (after the warm-up classifications): CPU, classifier counters and the clock. */
    private record WindowStart(
            ThreadCpuSnapshot cpu, long nanos, long classified, long batches, double batchSum, double inferenceMillis) {

        static WindowStart now(ClassifierMetrics metrics) {
            return new WindowStart(
                    ThreadCpuSnapshot.take(),
                    System.nanoTime(),
                    metrics.classified(),
                    metrics.batchSize().snapshot().count(),
                    metrics.batchSize().snapshot().sum(),
                    metrics.inferenceMillis().snapshot().sum());
        }

        SaturatedWindow end(ClassifierMetrics metrics) {
            ThreadCpuSnapshot cpuEnd = ThreadCpuSnapshot.take();
            double seconds = (System.nanoTime() - nanos) / 1e9;
            long batchCount = metrics.batchSize().snapshot().count() - batches;
            return new SaturatedWindow(
                    seconds,
                    metrics.classified() - classified,
                    batchCount,
                    (metrics.batchSize().snapshot().sum() - batchSum) / Math.max(1, batchCount),
                    (metrics.inferenceMillis().snapshot().sum() - inferenceMillis) / 1000,
                    CpuBreakdown.between(cpu, cpuEnd, seconds, STREAM_THREAD, INSTANCE));
        }
    }

    /**
     * The saturated part of the pipeline run, from the first classification read to the last one.
     *
     * @param seconds its wall-clock length
     * @param classified sentences classified in it
     * @param batches model calls in it
     * @param meanBatch mean texts per model call
     * @param inferenceSeconds time the stream thread spent inside model calls (tokenising included)
     * @param cpu CPU by group
     */
    record SaturatedWindow(
            double seconds,
            long classified,
            long batches,
            double meanBatch,
            double inferenceSeconds,
            CpuBreakdown cpu) {}

    record RawResult(double throughput, CpuBreakdown cpu) {}

    /**
     * The pipeline run.
     *
     * @param throughput sentences per second in the saturated window, which starts after as many classifications as
     *     the raw model's warm-up pass had texts
     * @param fromFirstBatch sentences per second from the end of the first batch (JIT warm-up of the Kafka code
     *     included)
     */
    record PipelineResult(
            double throughput,
            double fromFirstBatch,
            SaturatedWindow window,
            String streamRatios,
            String batchSizes,
            double pacedRate,
            Latencies latencies) {}
}
