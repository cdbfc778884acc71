package io.streamtune.model.bench;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamtune.model.base.BuiltInBase;
import io.streamtune.model.bert.BertEncoder;
import io.streamtune.model.bert.MiniLmFixture;
import io.streamtune.model.bert.SentimentSentences;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * This DJL encoder against ONNX Runtime on the same all-MiniLM-L6-v2 weights: batch 1/8/32 x seq 32/128,
 * in one run. The two engines alternate call by call, so load from other processes hits both alike, and
 * throughput is reported from the median call (robust to the spikes of a shared machine) and from the
 * mean call. Prints a table of sentences per second and DJL / ONNX Runtime ratios, and writes it as JSON.
 *
 * <p>Run (with {@code DJL_OFFLINE=true OPT_OUT_TRACKING=true OMP_WAIT_POLICY=PASSIVE} exported; the path
 * is relative to the working directory): {@code ./mvnw -q -pl model test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.streamtune.model.bench.EncoderBenchmark -Dexec.args="model/target/encoder-benchmark.json"}.
 * Options after the path: {@code seconds=6} (per engine per cell), {@code batches=1,8,32}, {@code
 * seqs=32,128}, {@code ortSpinning=false} (ONNX Runtime's idle threads sleep, like libgomp's under {@code
 * OMP_WAIT_POLICY=PASSIVE}; {@code true} is its default). Both engines use {@code -Dai.djl.pytorch.num_threads} threads (default: all cores).
 */
public final class EncoderBenchmark {

    private static final String BATCHES = "1,8,32";
    private static final String SEQS = "32,128";
    private static final int WARMUP_CALLS = 3;
    private static final int MIN_CALLS = 5;

    private EncoderBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/encoder-benchmark.json");
        Map<String, String> options = options(args);
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "6"));
        int[] batches = ints(options.getOrDefault("batches", BATCHES));
        int[] seqs = ints(options.getOrDefault("seqs", SEQS));
        boolean ortSpinning = Boolean.parseBoolean(options.getOrDefault("ortSpinning", "false"));
        int threads = Integer.getInteger(
                "ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors());
        List<String> texts = SentimentSentences.load().texts();
        List<Cell> cells = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager();
                OnnxRuntimeEncoder reference =
                        OnnxRuntimeEncoder.of(BuiltInBase.ALL_MINILM_L6_V2, threads, ortSpinning)) {
            BertEncoder encoder = BuiltInBase.ALL_MINILM_L6_V2.loadEncoder(manager);
            encoder.prepareForInference(manager);
            for (int seq : seqs) {
                for (int batch : batches) {
                    MiniLmFixture.Batch input = fixedLengthBatch(texts, batch, seq);
                    cells.add(measure(encoder, reference, input, seconds));
                }
            }
        }
        print(cells, threads);
        System.out.println("Load average at the end: " + loadAverage());
        write(cells, threads, ortSpinning, out);
    }

    /** {@code key=value} arguments after the output path. */
    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("Expected key=value, got '" + args[i] + "'");
            }
            options.put(pair[0], pair[1]);
        }
        return options;
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static Cell measure(
            BertEncoder encoder, OnnxRuntimeEncoder reference, MiniLmFixture.Batch input, double seconds)
            throws Exception {
        Runner djl = () -> runDjl(encoder, input);
        Runner ort = () -> reference.lastHiddenState(input.ids(), input.mask(), input.batch(), input.seq());
        for (int i = 0; i < WARMUP_CALLS; i++) {
            djl.run();
            ort.run();
        }
        List<Long> djlNanos = new ArrayList<>();
        List<Long> ortNanos = new ArrayList<>();
        long deadline = System.nanoTime() + (long) (2 * seconds * 1e9);
        while (System.nanoTime() < deadline || djlNanos.size() < MIN_CALLS) {
            djlNanos.add(time(djl));
            ortNanos.add(time(ort));
        }
        return new Cell(input.batch(), input.seq(), Latencies.of(djlNanos), Latencies.of(ortNanos));
    }

    private static float[] runDjl(BertEncoder encoder, MiniLmFixture.Batch input) {
        try (NDManager scope = NDManager.newBaseManager()) {
            Shape shape = new Shape(input.batch(), input.seq());
            NDList tokens = new NDList(scope.create(input.ids(), shape), scope.create(input.mask(), shape));
            return encoder.forward(new ParameterStore(scope, false), tokens, false)
                    .singletonOrThrow()
                    .toFloatArray();
        }
    }

    private static long time(Runner runner) throws Exception {
        long start = System.nanoTime();
        runner.run();
        return System.nanoTime() - start;
    }

    /** Real sentences, each padded or truncated to exactly {@code seq} tokens. */
    private static MiniLmFixture.Batch fixedLengthBatch(List<String> texts, int batch, int seq) {
        MiniLmFixture.Batch longest = MiniLmFixture.encode(texts.subList(0, Math.max(batch, 64)));
        long[] ids = new long[batch * seq];
        long[] mask = new long[batch * seq];
        for (int row = 0; row < batch; row++) {
            int copy = Math.min(seq, longest.seq());
            System.arraycopy(longest.ids(), row * longest.seq(), ids, row * seq, copy);
            System.arraycopy(longest.mask(), row * longest.seq(), mask, row * seq, copy);
            mask[row * seq] = 1;
        }
        return new MiniLmFixture.Batch(ids, mask, batch, seq);
    }

    private static void print(List<Cell> cells, int threads) {
        System.out.printf(
                "%nEncoder throughput, sentences/s from the median call (mean call in brackets);"
                        + " all-MiniLM-L6-v2, fp32, %d threads%n",
                threads);
        System.out.println("| seq | batch | DJL (this encoder) | ONNX Runtime | ratio | calls each |");
        System.out.println("|---|---|---|---|---|---|");
        for (Cell cell : cells) {
            System.out.printf(
                    "| %d | %d | %.1f (%.1f) | %.1f (%.1f) | %.2f (%.2f) | %d |%n",
                    cell.seq(),
                    cell.batch(),
                    cell.djlRate(true),
                    cell.djlRate(false),
                    cell.ortRate(true),
                    cell.ortRate(false),
                    cell.ratio(true),
                    cell.ratio(false),
                    cell.djl().calls());
        }
    }

    private static void write(List<Cell> cells, int threads, boolean ortSpinning, Path out) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("model", "all-MiniLM-L6-v2");
        root.put("threads", threads);
        root.put("unit", "sentences/s");
        root.put("method", "DJL and ONNX Runtime calls alternate one by one; rates from median and mean call");
        root.put("onnxruntime_spinning", ortSpinning);
        root.put("omp_wait_policy", String.valueOf(System.getenv("OMP_WAIT_POLICY")));
        root.put("load_average_at_end", loadAverage());
        ArrayNode rows = root.putArray("results");
        for (Cell cell : cells) {
            ObjectNode row = rows.addObject().put("seq", cell.seq()).put("batch", cell.batch());
            row.put("calls", cell.djl().calls());
            row.put("djl_median", cell.djlRate(true)).put("onnxruntime_median", cell.ortRate(true));
            row.put("ratio_median", cell.ratio(true));
            row.put("djl_mean", cell.djlRate(false)).put("onnxruntime_mean", cell.ortRate(false));
            row.put("ratio_mean", cell.ratio(false));
        }
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), root);
        System.out.println("Wrote " + out.toAbsolutePath());
    }

    /** The 1-minute load average, which says how much other processes competed for the cores. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    @FunctionalInterface
    private interface Runner {
        void run() throws Exception;
    }

    /** Per-call latencies of one engine in one cell, summarised. */
    private record Latencies(int calls, double medianMillis, double meanMillis) {
        static Latencies of(List<Long> nanos) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            double median = sorted.length % 2 == 1
                    ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
            double mean = Arrays.stream(sorted).average().orElseThrow();
            return new Latencies(sorted.length, median / 1e6, mean / 1e6);
        }

        double throughput(int batch, boolean median) {
            return batch * 1000.0 / (median ? medianMillis : meanMillis);
        }
    }

    private record Cell(int batch, int seq, Latencies djl, Latencies ort) {
        double djlRate(boolean median) {
            return djl.throughput(batch, median);
        }

        double ortRate(boolean median) {
            return ort.throughput(batch, median);
        }

        double ratio(boolean median) {
            return djlRate(median) / ortRate(median);
        }
    }
}
