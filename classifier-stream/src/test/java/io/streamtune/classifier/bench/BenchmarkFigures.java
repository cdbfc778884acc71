package io.streamtune.classifier.bench;

import io.streamtune.classifier.bench.PipelineBenchmarkIT.Latencies;
import io.streamtune.classifier.bench.PipelineBenchmarkIT.PipelineResult;
import io.streamtune.classifier.bench.PipelineBenchmarkIT.RawResult;
import io.streamtune.classifier.bench.PipelineBenchmarkIT.SaturatedWindow;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one benchmark run and how they are derived.
 *
 * <ul>
 *   <li>plain overhead: {@code 1 - pipeline / mean(raw before, raw after)}, sentences per wall-clock second;
 *   <li>own-CPU overhead: {@code 1 - (sentences / CPU s of the classifier's own threads in the saturated window) /
 *       mean(texts / CPU s of the model caller and its workers in each raw phase)}: the classifier's cost per sentence
 *       against the bare model's, with the co-located broker, registry and benchmark clients left out;
 *   <li>model-call share: time the stream thread spent inside model calls over the window's wall time (the rest is the
 *       Kafka Streams loop, store, serialisation and commits, on the thread that also calls the model).
 * </ul>
 */
record BenchmarkFigures(int texts, RawResult before, PipelineResult pipeline, RawResult after) {

    double raw() {
        return (before.throughput() + after.throughput()) / 2;
    }

    double plainOverhead() {
        return 1 - pipeline.throughput() / raw();
    }

    /** Sentences per CPU second of the model caller and its workers, averaged over both raw phases. */
    double rawEfficiency() {
        return (texts / before.cpu().of(CpuGroup.MODEL_CALLER)
                        + texts / after.cpu().of(CpuGroup.MODEL_CALLER))
                / 2;
    }

    /** Sentences per CPU second of the classifier's own threads in the saturated window. */
    double pipelineEfficiency() {
        SaturatedWindow window = pipeline.window();
        return window.classified() / window.cpu().classifierOwn();
    }

    double ownCpuOverhead() {
        return 1 - pipelineEfficiency() / rawEfficiency();
    }

    /** The same with the JVM's own threads (GC, JIT) counted on both sides: warm-up JIT of the Kafka code lands here. */
    double ownCpuOverheadWithJvm() {
        double raw =
                (texts / (before.cpu().of(CpuGroup.MODEL_CALLER) + before.cpu().of(CpuGroup.JVM))
                                + texts
                                        / (after.cpu().of(CpuGroup.MODEL_CALLER)
                                                + after.cpu().of(CpuGroup.JVM)))
                        / 2;
        SaturatedWindow window = pipeline.window();
        double piped = window.classified()
                / (window.cpu().classifierOwn() + window.cpu().of(CpuGroup.JVM));
        return 1 - piped / raw;
    }

    String report() {
        SaturatedWindow window = pipeline.window();
        StringBuilder report = new StringBuilder(String.format(
                Locale.ROOT,
                "%n| measure | value |%n|---|---|%n| texts | %d |%n| raw model, sentences/s (before / after) | %.1f / %.1f |%n"
                        + "| pipeline, sentences/s (after %d warm-up classifications) | %.1f |%n"
                        + "| pipeline overhead (plain, wall clock) | %.1f%% |%n"
                        + "| pipeline from the end of the first batch, sentences/s; overhead | %.1f; %.1f%% |%n"
                        + "| saturated window: sentences / s / sentences per s | %d / %.1f / %.1f |%n"
                        + "| mean batch size (model calls) | %.1f (%d) |%n"
                        + "| batches by size (count x size) | %s |%n"
                        + "| stream thread inside model calls | %.1f%% of the window; %.1f sentences/s while in them |%n"
                        + "| raw model, sentences per model CPU-second | %.2f |%n"
                        + "| pipeline, sentences per classifier CPU-second | %.2f |%n"
                        + "| pipeline overhead (classifier's own CPU) | %.1f%% (%.1f%% with GC and JIT on both sides) |%n"
                        + "| stream thread (Kafka Streams ratios) | %s |%n"
                        + "| end-to-end latency at %.0f events/s, p50 / p95 / p99 ms (classifiedTime stamp) | %s |%n"
                        + "| same, as received by a read_committed consumer | %s |%n%n",
                texts,
                before.throughput(),
                after.throughput(),
                texts - pipeline.window().classified(),
                pipeline.throughput(),
                plainOverhead() * 100,
                pipeline.fromFirstBatch(),
                (1 - pipeline.fromFirstBatch() / raw()) * 100,
                window.classified(),
                window.seconds(),
                window.classified() / window.seconds(),
                window.meanBatch(),
                window.batches(),
                pipeline.batchSizes(),
                100 * window.inferenceSeconds() / window.seconds(),
                window.classified() / window.inferenceSeconds(),
                rawEfficiency(),
                pipelineEfficiency(),
                ownCpuOverhead() * 100,
                ownCpuOverheadWithJvm() * 100,
                pipeline.streamRatios(),
                pipeline.pacedRate(),
                pipeline.latencies().describe(pipeline.latencies().stamped()),
                pipeline.latencies().describe(pipeline.latencies().received())));
        report.append(CpuBreakdown.table(
                List.of("raw before", "pipeline (saturated)", "raw after"),
                List.of(before.cpu(), window.cpu(), after.cpu())));
        report.append("\nbusiest threads in the pipeline window:\n");
        window.cpu().busiest().forEach(line -> report.append("  ").append(line).append('\n'));
        report.append("child processes in the pipeline window: ")
                .append(window.cpu().children())
                .append('\n');
        return report.toString();
    }

    String json() {
        SaturatedWindow window = pipeline.window();
        return String.format(
                Locale.ROOT,
                "{\"texts\":%d,\"rawBefore\":%.2f,\"rawAfter\":%.2f,\"pipeline\":%.2f,\"overhead\":%.4f,"
                        + "\"ownCpuOverhead\":%.4f,\"meanBatch\":%.2f,\"modelCallShare\":%.4f,"
                        + "\"pipelineCpuSeconds\":{\"classifierOwn\":%.2f,\"broker\":%.2f,\"registry\":%.2f,\"total\":%.2f},"
                        + "\"pacedRate\":%.1f,\"p50\":%d,\"p95\":%d,\"p99\":%d,\"receivedP50\":%d,\"receivedP99\":%d}%n",
                texts,
                before.throughput(),
                after.throughput(),
                pipeline.throughput(),
                plainOverhead(),
                ownCpuOverhead(),
                window.meanBatch(),
                window.inferenceSeconds() / window.seconds(),
                window.cpu().classifierOwn(),
                window.cpu().of(CpuGroup.BROKER),
                window.cpu().of(CpuGroup.REGISTRY),
                window.cpu().total(),
                pipeline.pacedRate(),
                Latencies.percentile(pipeline.latencies().stamped(), 50),
                Latencies.percentile(pipeline.latencies().stamped(), 95),
                Latencies.percentile(pipeline.latencies().stamped(), 99),
                Latencies.percentile(pipeline.latencies().received(), 50),
                Latencies.percentile(pipeline.latencies().received(), 99));
    }
}
